/**
 * Property tests of the feed parser: whatever arrives (arbitrary JSON, arbitrary values, arbitrary
 * text, or a valid feed with one thing broken), parseFeed / parseFeedText give a valid dataset or a
 * typed rejection and never throw, and a sync that is refused writes nothing.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { installFeed } from '../../../lib/store/install';
import { parseFeed, type FeedParseResult } from '../../../lib/feed/validate';
import { FeedSchema, LIMITS, REVIEWER_IDS } from '../../../lib/feed/schema';
import { parseFeedText, syncFeed } from '../../../lib/sync/sync-feed';
import { dropDbs, freshDb, hashRows } from '../support/db';
import { fakeFetch, syntheticFeed, textResponse, toFeed, type FeedJson } from '../support/feeds';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './runs';

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

const NOW = new Date('2025-03-02T12:00:00Z');
const FEED_URL = 'https://feeds.synthetic.test/verdicts.json';

type Path = (string | number)[];
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A small valid feed that uses every kind of field, so mutations can reach all of them. */
function baseFeed(): FeedJson {
  const feed = syntheticFeed({ tools: 3, verdicts: 6, comparisons: 2, tag: 'fuzz' });
  feed.tools[1]!.match.huggingface = ['synthetic-org/model-1', 'datasets/synthetic-org/set-1'];
  feed.verdicts.forEach((v, i) => {
    v.reviews = [
      { reviewerId: 'builder', quote: `Synthetic quote ${i}.` },
      { reviewerId: REVIEWER_IDS[(i % 5) + 1]!, quote: `Synthetic doubt ${i}.` },
    ];
    if (i % 2 === 1) v.community = 10 * i;
    if (i % 3 === 0) v.publishedAt = `2025-01-0${i + 1}T00:00:00Z`;
  });
  return feed;
}

const BASE = baseFeed();
const BASE_JSON = BASE as unknown as Json;
// The base must itself be valid, or every "rejected" below would prove nothing.
toFeed(BASE);

const clone = <T>(v: T): T => structuredClone(v);

function paths(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}

const ALL_PATHS = paths(BASE_JSON);
const FIELD_PATHS = ALL_PATHS.filter((p) => typeof p[p.length - 1] === 'string');
const OBJECT_PATHS: Path[] = [
  [],
  ...ALL_PATHS.filter((p) => {
    const v = get(BASE_JSON, p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }),
];

function get(root: Json, path: Path): Json {
  let node: Json = root;
  for (const k of path) node = (node as Record<string | number, Json>)[k]!;
  return node;
}

function set(root: Json, path: Path, value: Json | undefined): void {
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (value === undefined) delete parent[key];
  else parent[key] = value;
}

/** `verdicts[3].reviews[1].quote`, as feed-validate formats it. */
const show = (path: Path): string =>
  path.reduce<string>(
    (out, k) => (typeof k === 'number' ? `${out}[${k}]` : out === '' ? k : `${out}.${k}`),
    '',
  );

/** `verdicts.*.reviews.*.quote`: the path with every index wildcarded. */
const pattern = (path: Path): string =>
  path.map((k) => (typeof k === 'number' ? '*' : k)).join('.');

/** Fields the schema fills in or may leave out. */
const OPTIONAL = new Set([
  'comparisons',
  'verdicts.*.summary',
  'verdicts.*.publishedAt',
  'tools.*.match.github',
  'tools.*.match.huggingface',
  'tools.*.match.domains',
]);

/** Text fields and their length caps (after trimming). */
const TEXT_MAX: Record<string, number> = {
  'reviewers.*.name': 60,
  'reviewers.*.focus': 200,
  'tools.*.name': 200,
  'verdicts.*.title': 300,
  'verdicts.*.tagline': 500,
  'verdicts.*.category': 100,
  'verdicts.*.entry': 40,
  'verdicts.*.summary': 200_000,
  'verdicts.*.reviews.*.quote': 200_000,
  'comparisons.*.title': 700,
};
const TEXT_PATHS = ALL_PATHS.filter((p) => pattern(p) in TEXT_MAX);

/** What a mutation must lead to: acceptance, or a refusal naming (at least) this problem. */
type Expected = { valid: true } | { valid: false; at: string; message?: RegExp };

interface Mutation {
  what: string;
  feed: Json;
  expected: Expected;
}

const kindOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const slug = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/);
const ids = (table: 'tools' | 'verdicts' | 'comparisons') => new Set(BASE[table]!.map((r) => r.id));

const jsonOfAnyKind: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) as fc.Arbitrary<Json>,
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
    maxKeys: 3,
  }) as fc.Arbitrary<Json>,
);

/** A text of exactly `length` characters that trimming does not shorten. */
const textOfLength = (length: number): fc.Arbitrary<string> =>
  fc
    .string({ minLength: 1, maxLength: 50 })
    .map((chunk) =>
      length <= 2
        ? 'x'.repeat(length)
        : `x${chunk.repeat(Math.ceil((length - 2) / chunk.length)).slice(0, length - 2)}x`,
    );

const dropField: fc.Arbitrary<Mutation> = fc.constantFrom(...FIELD_PATHS).map((path): Mutation => {
  const feed = clone(BASE_JSON);
  set(feed, path, undefined);
  const optional = OPTIONAL.has(pattern(path));
  return {
    what: `drop ${show(path)}`,
    feed,
    expected: optional ? { valid: true } : { valid: false, at: show(path) },
  };
});

const changeType: fc.Arbitrary<Mutation> = fc
  .tuple(fc.constantFrom(...ALL_PATHS), jsonOfAnyKind)
  .filter(([path, value]) => kindOf(get(BASE_JSON, path)) !== kindOf(value))
  .map(([path, value]): Mutation => {
    const feed = clone(BASE_JSON);
    set(feed, path, value);
    // `community` is a number or null: swapping one for the other (in range) is still valid.
    const stillValid =
      pattern(path) === 'verdicts.*.community' &&
      (value === null || (typeof value === 'number' && value >= 0 && value <= 100));
    return {
      what: `set ${show(path)} to ${JSON.stringify(value)}`,
      feed,
      expected: stillValid ? { valid: true } : { valid: false, at: show(path) },
    };
  });

const TABLES = ['reviewers', 'tools', 'verdicts', 'comparisons'] as const;

const duplicateId: fc.Arbitrary<Mutation> = fc
  .tuple(fc.constantFrom(...TABLES), fc.nat(), fc.nat(), fc.boolean())
  .map(([table, a, b, append]): Mutation => {
    const feed = clone(BASE_JSON) as Record<string, Json[]>;
    const rows = feed[table]! as { id: string }[];
    const i = a % rows.length;
    if (append) {
      rows.push(clone(rows[i]!));
      // The panel has six reviewers, all in the base: a seventh is over the count first.
      const overCount = table === 'reviewers' && rows.length > LIMITS.reviewers;
      const at = overCount ? table : `${table}[${rows.length - 1}].id`;
      return {
        what: `append a copy of ${table}[${i}]`,
        feed: feed as unknown as Json,
        expected: { valid: false, at, message: overCount ? /more than the 6/ : /^duplicate id/ },
      };
    }
    const j = (i + 1 + (b % (rows.length - 1))) % rows.length;
    rows[j]!.id = rows[i]!.id;
    const at = `${table}[${Math.max(i, j)}].id`;
    return {
      what: `give ${table}[${j}] the id of ${table}[${i}]`,
      feed: feed as unknown as Json,
      expected: { valid: false, at, message: /^duplicate id/ },
    };
  });

const danglingReference: fc.Arbitrary<Mutation> = fc
  .oneof<fc.Arbitrary<Omit<Mutation, 'feed'> & { feed: unknown }>[]>(
    fc
      .tuple(
        fc.nat(),
        slug.filter((s) => !ids('tools').has(s)),
      )
      .map(([n, missing]) => {
        const feed = clone(BASE);
        const i = n % feed.verdicts.length;
        feed.verdicts[i]!.toolId = missing;
        const at = `verdicts[${i}].toolId`;
        return {
          what: `${at} = ${missing}`,
          feed,
          expected: { valid: false, at, message: /^unknown tool/ },
        };
      }),
    fc
      .tuple(
        fc.nat(),
        fc.nat(),
        slug.filter((s) => !ids('verdicts').has(s)),
      )
      .map(([n, m, missing]) => {
        const feed = clone(BASE);
        const i = n % feed.comparisons!.length;
        const ref = feed.comparisons![i]!.verdictIds;
        const j = m % ref.length;
        ref[j] = missing;
        const at = `comparisons[${i}].verdictIds[${j}]`;
        return {
          what: `${at} = ${missing}`,
          feed,
          expected: { valid: false, at, message: /^unknown verdict/ },
        };
      }),
    fc.nat().map((n) => {
      // Remove a reviewer that a review quotes: that review now points nowhere.
      const feed = clone(BASE);
      const i = n % feed.verdicts.length;
      const j = n % feed.verdicts[i]!.reviews.length;
      const gone = feed.verdicts[i]!.reviews[j]!.reviewerId;
      feed.reviewers = feed.reviewers.filter((r) => r.id !== gone);
      const at = `verdicts[${i}].reviews[${j}].reviewerId`;
      return {
        what: `remove reviewer ${gone}`,
        feed,
        expected: { valid: false, at, message: /^unknown reviewer/ },
      };
    }),
  )
  .map((m) => ({ ...m, feed: m.feed as unknown as Json }));

const hugeString: fc.Arbitrary<Mutation> = fc.oneof(
  // Over the cap: refused at that field.
  fc
    .tuple(fc.constantFrom(...TEXT_PATHS), fc.integer({ min: 1, max: 5000 }))
    .chain(([path, over]) =>
      textOfLength(TEXT_MAX[pattern(path)]! + over).map((text) => {
        const feed = clone(BASE_JSON);
        set(feed, path, text);
        return {
          what: `${show(path)} of ${text.length} characters`,
          feed,
          expected: { valid: false, at: show(path) } as Expected,
        };
      }),
    ),
  // At or under the cap: accepted.
  fc
    .tuple(fc.constantFrom(...TEXT_PATHS), fc.double({ min: 0, max: 1, noNaN: true }))
    .chain(([path, share]) =>
      textOfLength(Math.max(1, Math.round(TEXT_MAX[pattern(path)]! * share))).map((text) => {
        const feed = clone(BASE_JSON);
        set(feed, path, text);
        return {
          what: `${show(path)} of ${text.length} characters`,
          feed,
          expected: { valid: true } as Expected,
        };
      }),
    ),
  // A megabyte under a key the schema does not know: accepted, and dropped.
  fc
    .tuple(fc.constantFrom(...OBJECT_PATHS), fc.integer({ min: 1, max: 1_000_000 }))
    .map(([path, length]) => {
      const feed = clone(BASE_JSON);
      (get(feed, path) as Record<string, Json>)['x-unknown-huge'] = 'y'.repeat(length);
      return {
        what: `unknown key of ${length} characters at ${show(path) || 'the root'}`,
        feed,
        expected: { valid: true } as Expected,
      };
    }),
);

// A failing run is reported by what was broken, not by the whole feed.
const mutation = fc
  .oneof(dropField, changeType, duplicateId, danglingReference, hugeString)
  .map((m): Mutation => Object.assign(m, { [fc.toStringMethod]: () => m.what }));

/** A refusal is typed: a non-empty list of problems, each with a string path and a message. */
function checkResult(result: FeedParseResult): void {
  if (result.ok) {
    // What comes out is itself a valid feed (parsing is idempotent on its own output).
    expect(FeedSchema.safeParse(result.feed).success).toBe(true);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.path).toBe('string');
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
}

function checkText(text: string) {
  const parsed = parseFeedText(text, NOW);
  if (parsed.ok) expect(FeedSchema.safeParse(parsed.feed).success).toBe(true);
  else {
    expect(['not-json', 'invalid']).toContain(parsed.error.code);
    expect(parsed.error.message.length).toBeGreaterThan(0);
    expect(parsed.error.at).toBe(NOW.toISOString());
  }
  return parsed;
}

describe('parseFeed on arbitrary values', () => {
  it('never throws: a valid dataset or a typed rejection', () => {
    const value = fc.anything({
      maxDepth: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    fc.assert(
      fc.property(value, (v) => checkResult(parseFeed(v))),
      fuzzParams('parseFeed(fc.anything)'),
    );
  });

  it('never throws on feed-shaped objects whose fields are arbitrary JSON', () => {
    const field = fc.jsonValue({ maxDepth: 3 });
    const feedish = fc.record(
      {
        version: fc.oneof(fc.constant(1), field),
        generatedAt: fc.oneof(fc.constant('2025-01-01T00:00:00Z'), field),
        reviewers: fc.oneof(fc.constant(BASE.reviewers), fc.array(field, { maxLength: 3 })),
        tools: fc.oneof(fc.constant(BASE.tools), fc.array(field, { maxLength: 3 })),
        verdicts: fc.oneof(fc.constant(BASE.verdicts), fc.array(field, { maxLength: 3 })),
        comparisons: fc.array(field, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(feedish, (v) => checkResult(parseFeed(v))),
      fuzzParams('parseFeed(feed-shaped JSON)'),
    );
  });
});

describe('parseFeedText on arbitrary text', () => {
  it('never throws on arbitrary JSON text or arbitrary strings', () => {
    const text = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc.string({ maxLength: 50 }).map((s) => `\uFEFF ${s}`),
      fc.string({ maxLength: 50 }).map((s) => `<!doctype html>${s}`),
    );
    fc.assert(
      fc.property(text, (t) => void checkText(t)),
      fuzzParams('parseFeedText(arbitrary text)'),
    );
  });

  const baseText = JSON.stringify(BASE);

  it('refuses every truncation of a valid feed as not JSON', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: baseText.length - 1 }), (n) => {
        const parsed = checkText(baseText.slice(0, n));
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.error.code).toBe('not-json');
      }),
      fuzzParams('parseFeedText(truncated feed)'),
    );
  });

  it('never throws when characters of a valid feed are replaced', () => {
    const edits = fc.array(
      fc.tuple(
        fc.nat(baseText.length - 1),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
      ),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(edits, (list) => {
        let text = baseText;
        for (const [at, s] of list) text = text.slice(0, at) + s + text.slice(at + 1);
        checkText(text);
      }),
      fuzzParams('parseFeedText(corrupted feed)'),
    );
  });
});

describe('a valid feed with one thing broken', () => {
  it('is accepted or refused as expected, naming the broken path, by parseFeed and parseFeedText alike', () => {
    fc.assert(
      fc.property(mutation, ({ what, feed, expected }) => {
        const result = parseFeed(feed);
        checkResult(result);
        expect(result.ok, what).toBe(expected.valid);
        if (!result.ok && !expected.valid) {
          const named = result.problems.filter((p) => p.path === expected.at);
          expect(named.length, `${what}: ${JSON.stringify(result.problems)}`).toBeGreaterThan(0);
          if (expected.message) {
            expect(
              named.some((p) => expected.message!.test(p.message)),
              `${what}: ${JSON.stringify(named)}`,
            ).toBe(true);
          }
        }
        if (result.ok && typeof feed === 'object' && feed !== null) {
          expect(JSON.stringify(result.feed)).not.toContain('x-unknown-huge');
        }
        const fromText = checkText(JSON.stringify(feed));
        expect(fromText.ok, what).toBe(result.ok);
        if (!fromText.ok && !result.ok) {
          expect(fromText.error.code).toBe('invalid');
          expect(fromText.error.path).toBe(result.problems[0]!.path);
        }
      }),
      fuzzParams('mutated feeds'),
    );
  });
});

describe('syncFeed with a fake fetch', () => {
  afterAll(dropDbs);

  it('never writes the dataset when it refuses a feed, and installs only what parseFeed accepts', async () => {
    const db = freshDb();
    const from = { source: FEED_URL, etag: '"fuzz-1"', lastModified: null };
    const installedAt = new Date('2025-03-01T00:00:00Z');
    await installFeed(db, toFeed(BASE), from, installedAt);
    const before = await hashRows(db);

    const body = fc.oneof(
      {
        weight: 3,
        arbitrary: mutation.map((m) => ({ what: m.what, text: JSON.stringify(m.feed) })),
      },
      {
        weight: 1,
        arbitrary: fc.json({ maxDepth: 3 }).map((text) => ({ what: 'arbitrary JSON', text })),
      },
      {
        weight: 1,
        arbitrary: fc
          .string({ unit: 'binary', maxLength: 200 })
          .map((text) => ({ what: 'arbitrary text', text })),
      },
    );
    await fc.assert(
      fc.asyncProperty(body, async ({ what, text }) => {
        const { fetch } = fakeFetch(() => textResponse(text));
        const outcome = await syncFeed(db, FEED_URL, { fetch, now: () => NOW });
        const accepted = parseFeedText(text, NOW).ok;
        if (outcome.kind === 'failed') {
          expect(await hashRows(db), what).toBe(before);
          expect(['not-json', 'invalid', 'stale']).toContain(outcome.error.code);
          if (accepted) expect(outcome.error.code, what).toBe('stale');
        } else {
          expect(outcome.kind, what).toBe('updated');
          expect(accepted, what).toBe(true);
          // Put the base dataset back exactly as it was, for the next run.
          await installFeed(db, toFeed(BASE), from, installedAt);
          expect(await hashRows(db)).toBe(before);
        }
      }),
      fuzzParams('syncFeed(mutated or arbitrary body)', 0.2),
    );
  });
});
