import { z } from 'zod';
import { FeedSchema } from '../lib/feed/schema';

/** The JSON Schema of feed format v1, derived from the zod schema so the two cannot drift. */
export function feedJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FeedSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://verdict-lens.dev/feed.schema.json',
    title: 'Verdict Lens feed, version 1',
  };
}

export const feedJsonSchemaText = (): string => `${JSON.stringify(feedJsonSchema(), null, 2)}\n`;
