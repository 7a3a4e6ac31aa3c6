import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedJsonSchema, feedJsonSchemaText } from '../../../scripts/feed-json-schema';

describe('docs/feed.schema.json', () => {
  it('is the JSON Schema generated from lib/feed/schema.ts (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(
      new URL('../../../docs/feed.schema.json', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(feedJsonSchemaText());
  });

  it('keeps the names of feed format v1', () => {
    const schema = feedJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'version',
        'generatedAt',
        'reviewers',
        'tools',
        'verdicts',
        'comparisons',
      ]),
    );
    expect(schema.required).toEqual(
      expect.arrayContaining(['version', 'generatedAt', 'tools', 'verdicts']),
    );
  });
});
