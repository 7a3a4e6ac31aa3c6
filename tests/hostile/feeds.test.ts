/**
 * Hostile feeds that are valid JSON: each is refused with a reason the options page can show,
 * leaves every table byte-identical, and lookups asked meanwhile answer from the good dataset.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFeed } from '../../lib/store/install';
import { hashRows, dropDbs } from '../unit/support/db';
import { syntheticFeed, syntheticVerdict, toFeed, type FeedJson } from '../unit/support/feeds';
import { attack, expectRefused, installedDb, NOW, size } from './support';

afterEach(dropDbs);
afterEach(() => vi.restoreAllMocks());

/** Whether JSON.parse was handed a text of at least `bytes`: a refused body should never be. */
function watchParse(bytes: number): () => boolean {
  const parse = vi.spyOn(JSON, 'parse');
  return () => parse.mock.calls.some(([text]) => typeof text === 'string' && text.length >= bytes);
}

const json = (feed: unknown) => JSON.stringify(feed);
const base = (tag = 'attack') => syntheticFeed({ tools: 3, verdicts: 4, comparisons: 1, tag });

describe('lists the install multiplies', () => {
  it('a comparison repeating two verdict ids thousands of times (the 658 KB stall)', async () => {
    const { db, hash } = await installedDb();
    const feed = base();
    const repeats = size(500, 20_000);
    feed.comparisons = [
      {
        id: 'synthetic-comparison-repeat',
        title: 'Synthetic repeat',
        verdictIds: Array.from({ length: repeats * 2 }, (_, i) => `synthetic-verdict-${i % 2}`),
      },
    ];
    const report = await attack(db, json(feed), {}, `verdictIds × ${repeats * 2}`);
    await expectRefused(db, hash, report, /comparisons\[0\]\.verdictIds: .*(more than|at most|4)/);
  });

  it('the same two ids repeated within the cap count as one list with a repeat', async () => {
    const { db, hash } = await installedDb();
    const feed = base();
    feed.comparisons = [
      {
        id: 'synthetic-comparison-repeat',
        title: 'Synthetic repeat',
        verdictIds: ['synthetic-verdict-0', 'synthetic-verdict-1', 'synthetic-verdict-0'],
      },
    ];
    const report = await attack(db, json(feed), {}, 'verdictIds repeat');
    await expectRefused(db, hash, report, /comparisons\[0\]\.verdictIds\[2\]: .*repeats/);
  });

  it('one tool with hundreds of verdicts', async () => {
    const { db, hash } = await installedDb();
    const feed = base();
    feed.verdicts = Array.from({ length: 60 }, (_, i) =>
      syntheticVerdict(`synthetic-verdict-${i}`, 'synthetic-tool-0'),
    );
    feed.comparisons = [];
    const report = await attack(db, json(feed), {}, '60 verdicts of one tool');
    await expectRefused(db, hash, report, /verdicts\[50\]\.toolId: .*more than 50 verdicts/);
  });

  it('one verdict in hundreds of comparisons', async () => {
    const { db, hash } = await installedDb();
    const feed = base();
    feed.comparisons = Array.from({ length: 60 }, (_, i) => ({
      id: `synthetic-comparison-${i}`,
      title: `Synthetic comparison ${i}`,
      verdictIds: ['synthetic-verdict-0', `synthetic-verdict-${1 + (i % 3)}`],
    }));
    const report = await attack(db, json(feed), {}, '60 comparisons of one verdict');
    await expectRefused(db, hash, report, /comparisons\[50\]\.verdictIds\[0\]: .*more than 50/);
  });

  it('a review per reviewer at most', async () => {
    const { db, hash } = await installedDb();
    const feed = base();
    feed.verdicts[0]!.reviews = Array.from({ length: 3 }, (_, i) => ({
      reviewerId: 'builder' as const,
      quote: `Synthetic quote ${i}.`,
    }));
    const report = await attack(db, json(feed), {}, 'three reviews by one reviewer');
    await expectRefused(
      db,
      hash,
      report,
      /verdicts\[0\]\.reviews\[1\]\.reviewerId: .*second review/,
    );
  });
});

describe('counts', () => {
  it('more bare tools than the cap (700,000 at full size: 24 MB, under the byte cap)', async () => {
    const { db, hash } = await installedDb();
    const count = size(150_000, 700_000);
    // As short as a tool gets (about 36 bytes), so 700,000 stay under the 25 MB cap.
    const tools = Array.from({ length: count }, (_, i) => ({
      id: i.toString(36),
      name: 's',
      match: {},
    }));
    const feed = base();
    const report = await attack(
      db,
      json({ ...feed, tools: [...feed.tools, ...tools] }),
      {},
      `${count} bare tools`,
    );
    await expectRefused(
      db,
      hash,
      report,
      /^The feed was refused: tools: more than the 150,000 records allowed\.$/,
    );
  });

  it('millions of invalid items stop at a count, not a stack overflow (12 million at full size)', async () => {
    const { db, hash } = await installedDb();
    const count = size(2_000_000, 12_000_000);
    const body = `{"version":1,"generatedAt":"2026-01-01T00:00:00Z","reviewers":[],"tools":[${'0,'.repeat(count - 1)}0],"verdicts":[]}`;
    const parsed = watchParse(body.length);
    const report = await attack(db, body, {}, `${count} invalid items`);
    expect(parsed()).toBe(false);
    await expectRefused(
      db,
      hash,
      report,
      /^The feed was refused: tools: more than the 150,000 records allowed\.$/,
    );
  });

  it('tens of thousands of invalid records stop after 50 problems, with "and more"', async () => {
    const { db, hash } = await installedDb();
    const count = size(20_000, 149_000);
    const tools = Array.from({ length: count }, (_, i) => ({
      id: `Bad ${i}`,
      name: '',
      match: {},
    }));
    const report = await attack(db, json({ ...base(), tools }), {}, `${count} invalid tools`);
    await expectRefused(
      db,
      hash,
      report,
      /^The feed was refused: tools\[0\]\.id: must be a slug.* \(and 49 more problems, and more: the check stops after 50\)\.$/,
    );
  });
});

describe('names no page has', () => {
  it.each([
    ['co.uk', 'domains'],
    ['github.io', 'domains'],
    ['vercel.app', 'domains'],
    ['com.au', 'domains'],
    ['blogspot.com', 'domains'],
    ['a/.', 'github'],
    ['a/..', 'github'],
    ['settings/synthetic-repo', 'github'],
    ['-synthetic/repo', 'github'],
    ['docs/synthetic-model', 'huggingface'],
  ] as const)('%s as a %s match key', async (value, site) => {
    const { db, hash } = await installedDb();
    const feed = base();
    feed.tools[0]!.match = { [site]: [value] };
    const report = await attack(db, json(feed), {}, `${site} ${value}`);
    await expectRefused(db, hash, report, new RegExp(`tools\\[0\\]\\.match\\.${site}\\[0\\]: `));
  });

  it('a site under a shared-hosting parent is a product domain like any other (control)', async () => {
    const { db } = await installedDb();
    const feed = base();
    feed.tools[0]!.match = { domains: ['synthetic-tool.github.io'] };
    const report = await attack(db, json(feed), {}, 'control: x.github.io');
    expect(report.outcome.kind).toBe('updated');
  });
});

describe('shapes', () => {
  it('prototype-pollution keys are dropped and pollute nothing', async () => {
    const { db } = await installedDb();
    const body = json(base())
      .replace(
        '{"version":1',
        '{"__proto__":{"polluted":"root"},"constructor":{"prototype":{"polluted":"ctor"}},"version":1',
      )
      .replace(
        '"match":{',
        '"__proto__":{"polluted":"tool"},"match":{"__proto__":{"polluted":"match"},',
      );
    expect(body).toContain('"__proto__":{"polluted":"match"}');
    const report = await attack(db, body, {}, '__proto__ keys');
    expect(report.outcome.kind).toBe('updated');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const rows = JSON.stringify([await db.tools.toArray(), await db.answers.toArray()]);
    expect(rows).not.toContain('polluted');
  });

  it('arrays nested 100,000 deep under a field this version does not know', async () => {
    const { db, hash } = await installedDb();
    const depth = size(10_000, 100_000);
    const body = json(base()).replace(
      '"match":{',
      `"x-future":${'['.repeat(depth)}${']'.repeat(depth)},"match":{`,
    );
    const report = await attack(db, body, {}, `nesting ${depth}`);
    await expectRefused(
      db,
      hash,
      report,
      /tools\[0\]\.x-future(\[0\])+: nested more than 8 levels deep/,
    );
  });

  it('a long list under a field this version does not know', async () => {
    const { db, hash } = await installedDb();
    const feed = base() as FeedJson & {
      tools: ({ 'x-future'?: number[] } & FeedJson['tools'][number])[];
    };
    feed.tools[0]!['x-future'] = Array.from({ length: size(100_000, 1_000_000) }, () => 0);
    const report = await attack(db, json(feed), {}, 'long unknown list');
    await expectRefused(
      db,
      hash,
      report,
      /tools\[0\]\.x-future: more than the 1,000 items allowed/,
    );
  });

  it('a 10 MB string where 200 characters are allowed', async () => {
    const { db, hash } = await installedDb();
    const feed = base();
    feed.tools[0]!.name = 'x'.repeat(size(1_000_000, 10_000_000));
    const report = await attack(db, json(feed), {}, 'long string');
    await expectRefused(db, hash, report, /tools\[0\]\.name: /);
  });

  it.each([
    ['a right-to-left override', 'Synthetic \u202Eloot'],
    ['a bidi isolate', 'Synthetic \u2067tool\u2069'],
    ['a NUL', 'Synthetic\u0000tool'],
    ['an escape sequence', 'Synthetic \u001b[31mtool'],
    ['a line break', 'Synthetic\ntool'],
  ])('%s in a tool name', async (_what, name) => {
    const { db, hash } = await installedDb();
    const feed = base();
    feed.tools[0]!.name = name;
    const report = await attack(db, json(feed), {}, `tool name with ${_what}`);
    await expectRefused(db, hash, report, /tools\[0\]\.name: must not contain control characters/);
  });

  it('line breaks in a quote are prose, not an attack (control)', async () => {
    const { db } = await installedDb();
    const feed = base();
    feed.verdicts[0]!.reviews[0]!.quote = 'Synthetic first line.\nSynthetic second line.';
    const report = await attack(db, json(feed), {}, 'control: quote with a line break');
    expect(report.outcome.kind).toBe('updated');
  });
});

describe('a feed from the future', () => {
  it('generatedAt in the year 9999 is refused, and the next real feed installs', async () => {
    const { db, hash } = await installedDb();
    const future = base('future');
    future.generatedAt = '9999-12-31T23:59:59Z';
    const report = await attack(db, json(future), {}, 'generatedAt 9999');
    await expectRefused(db, hash, report, /generatedAt: 9999-12-31T23:59:59Z is in the future/);
    const next = await attack(db, json(base('next')), {}, 'the next real feed');
    expect(next.outcome.kind).toBe('updated');
  });

  it('a future dataset installed before this check does not block the next real feed', async () => {
    const { db } = await installedDb();
    const future = base('future');
    future.generatedAt = '9999-12-31T23:59:59Z';
    await installFeed(
      db,
      toFeed(future),
      { source: 'https://feeds.synthetic.test/verdicts.json' },
      NOW,
    );
    const before = await hashRows(db);
    const next = await attack(db, json(base('next')), {}, 'after a future dataset');
    expect(next.outcome.kind).toBe('updated');
    expect(await hashRows(db)).not.toBe(before);
  });
});
