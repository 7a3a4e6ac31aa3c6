import { z } from 'zod';
import { FeedSchema } from '../lib/feed/schema';
import { DeltaLineSchema, ManifestSchema, ShardLineSchema } from '../lib/feed/v2/schema';

/**
 * The JSON Schemas of the feed formats, derived from the zod schemas so the two cannot drift:
 * feed format v1, and v2's manifest, shard line and delta line. Rules zod states in code (the
 * rules across records; in v2 a path naming its file's hash, unique shard paths and `from`s,
 * `expiresAt` after `generatedAt`) are not in them: docs/feed-format.md states those.
 */

const jsonSchema = (schema: z.ZodType, id: string, title: string): Record<string, unknown> => ({
  ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  $id: `https://verdict-lens.dev/${id}`,
  title,
});

export function feedJsonSchema(): Record<string, unknown> {
  return jsonSchema(FeedSchema, 'feed.schema.json', 'Verdict Lens feed, version 1');
}

const text = (schema: Record<string, unknown>) => `${JSON.stringify(schema, null, 2)}\n`;

export const feedJsonSchemaText = (): string => text(feedJsonSchema());

/** Every generated schema: its file under docs/ and its text. */
export const SCHEMA_FILES: Record<string, () => string> = {
  'feed.schema.json': feedJsonSchemaText,
  'feed-manifest.schema.json': () =>
    text(jsonSchema(ManifestSchema, 'feed-manifest.schema.json', 'Verdict Lens feed v2 manifest')),
  'feed-shard-line.schema.json': () =>
    text(
      jsonSchema(
        ShardLineSchema,
        'feed-shard-line.schema.json',
        'Verdict Lens feed v2: one line of a shard',
      ),
    ),
  'feed-delta-line.schema.json': () =>
    text(
      jsonSchema(
        DeltaLineSchema,
        'feed-delta-line.schema.json',
        'Verdict Lens feed v2: one line of a delta',
      ),
    ),
};
