import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  feedJsonSchema,
  feedJsonSchemaText,
  SCHEMA_FILES,
} from '../../../scripts/feed-json-schema';

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

describe('docs/*.schema.json of feed format v2', () => {
  it.each(Object.keys(SCHEMA_FILES).filter((name) => name !== 'feed.schema.json'))(
    'docs/%s is generated from lib/feed/v2/schema.ts (run `npm run schema` after changing it)',
    (name) => {
      const committed = readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');
      expect(committed).toBe(SCHEMA_FILES[name]!());
    },
  );

  it('names the manifest fields the format documents', () => {
    const schema = JSON.parse(SCHEMA_FILES['feed-manifest.schema.json']!()) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toEqual([
      'format',
      'version',
      'seq',
      'generatedAt',
      'expiresAt',
      'publicKey',
      'counts',
      'digest',
      'shards',
      'deltas',
    ]);
  });
});
