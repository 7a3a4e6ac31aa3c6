import { afterEach, describe, expect, it } from 'vitest';
import type { VerdictDb } from '../../../lib/store/db';
import { installFeed, isEmpty, readMeta, type InstallSource } from '../../../lib/store/install';
import { dropDbs, freshDb } from '../support/db';
import { cursorFeed, syntheticFeed, toFeed, type FeedJson } from '../support/feeds';

const SOURCE = 'https://feeds.synthetic.test/verdicts.json';
const T1 = new Date('2025-03-01T00:00:00Z');
const T2 = new Date('2025-03-05T00:00:00Z');

afterEach(dropDbs);

const install = (
  db: VerdictDb,
  json: FeedJson,
  from: InstallSource = { source: SOURCE },
  now = T1,
) => installFeed(db, toFeed(json), from, now);

const ids = async (db: VerdictDb, table: string) =>
  ((await db.table(table).toCollection().primaryKeys()) as string[]).sort();

/** Cursor data plus a tool matched by mixed-case GitHub and Hugging Face names. */
function mixedCaseFeed(): FeedJson {
  const feed = cursorFeed();
  feed.tools.push({
    id: 'synthetic-model',
    name: 'Synthetic MODEL',
    match: {
      github: ['Synthetic-Org/Model-Repo'],
      huggingface: ['Synthetic-Org/Model-7B', 'datasets/Synthetic-Org/Corpus'],
      domains: ['Model.Synthetic.TEST'],
    },
  });
  return feed;
}

describe('installFeed', () => {
  it('writes every table', async () => {
    const db = freshDb();
    const json = mixedCaseFeed();
    await install(db, json);

    expect(await ids(db, 'tools')).toEqual(json.tools.map((t) => t.id).sort());
    expect(await ids(db, 'verdicts')).toEqual(json.verdicts.map((v) => v.id).sort());
    expect(await ids(db, 'reviewers')).toEqual(json.reviewers.map((r) => r.id).sort());
    expect(await ids(db, 'comparisons')).toEqual(['cursor-vs-windsurf-synthetic']);
    const tool = await db.tools.get('synthetic-model');
    expect(tool?.nameLower).toBe('synthetic model');
    expect(tool?.match.domains).toEqual(['model.synthetic.test']);
    const verdict = await db.verdicts.get('windsurf-synthetic');
    expect(verdict).toMatchObject({
      toolId: 'windsurf',
      title: 'Windsurf – synthetic',
      recency: 1,
    });
  });

  it('indexes every match key in lower case', async () => {
    const db = freshDb();
    await install(db, mixedCaseFeed());
    const rows = await db.matchKeys.toArray();
    expect(rows.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'domain:cursor.com', toolId: 'cursor' },
      { key: 'domain:docs.cursor.com', toolId: 'cursor-docs' },
      { key: 'domain:model.synthetic.test', toolId: 'synthetic-model' },
      { key: 'domain:windsurf.com', toolId: 'windsurf' },
      { key: 'github:getcursor/cursor', toolId: 'cursor' },
      { key: 'github:synthetic-org/model-repo', toolId: 'synthetic-model' },
      { key: 'hf:datasets/synthetic-org/corpus', toolId: 'synthetic-model' },
      { key: 'hf:synthetic-org/model-7b', toolId: 'synthetic-model' },
    ]);
    expect(await db.matchKeys.where('toolId').equals('synthetic-model').count()).toBe(4);
  });

  it("numbers each tool's verdicts by recency, newest highest", async () => {
    for (const order of ['old-first', 'new-first'] as const) {
      const db = freshDb();
      await install(db, cursorFeed(order));
      expect((await db.verdicts.get('cursor-v0-50'))?.recency).toBe(2);
      expect((await db.verdicts.get('cursor-v0-49'))?.recency).toBe(1);
    }
  });

  it('finds comparisons by any of their verdicts', async () => {
    const db = freshDb();
    await install(db, cursorFeed());
    const found = await db.comparisons.where('verdictIds').equals('windsurf-synthetic').toArray();
    expect(found.map((c) => c.id)).toEqual(['cursor-vs-windsurf-synthetic']);
  });

  it('records the source, validators and counts in meta and returns it', async () => {
    const db = freshDb();
    const json = syntheticFeed({ tools: 4, verdicts: 7, comparisons: 3 });
    const meta = await install(db, json, { source: SOURCE, etag: '"e"', lastModified: 'lm' });
    expect(meta).toEqual({
      id: 'current',
      source: SOURCE,
      version: 1,
      generatedAt: json.generatedAt,
      etag: '"e"',
      lastModified: 'lm',
      counts: { tools: 4, verdicts: 7, reviewers: 6, comparisons: 3 },
      installedAt: T1.toISOString(),
      lastCheckedAt: T1.toISOString(),
      lastSuccessAt: T1.toISOString(),
      lastError: null,
      failures: 0,
    });
    expect(await readMeta(db)).toEqual(meta);
  });

  it('leaves nothing of the previous dataset behind', async () => {
    const db = freshDb();
    await install(db, cursorFeed());
    await install(
      db,
      syntheticFeed({ tools: 2, verdicts: 2, comparisons: 0, tag: 'b' }),
      { source: SOURCE },
      T2,
    );
    expect(await ids(db, 'tools')).toEqual(['synthetic-tool-0', 'synthetic-tool-1']);
    expect(await ids(db, 'verdicts')).toEqual(['synthetic-verdict-0', 'synthetic-verdict-1']);
    expect(await db.comparisons.count()).toBe(0);
    expect(await db.matchKeys.get('domain:cursor.com')).toBeUndefined();
    expect((await readMeta(db))?.installedAt).toBe(T2.toISOString());
  });

  it('writes datasets larger than one chunk', async () => {
    const db = freshDb();
    await install(db, syntheticFeed({ tools: 4500, verdicts: 4501, comparisons: 2100 }));
    expect(await db.tools.count()).toBe(4500);
    expect(await db.verdicts.count()).toBe(4501);
    expect(await db.comparisons.count()).toBe(2100);
    expect(await db.matchKeys.count()).toBe(9000);
  });

  it('keeps the sync times of the previous dataset when the bundled one is installed', async () => {
    const db = freshDb();
    await install(db, cursorFeed(), { source: SOURCE }, T1);
    const meta = await install(db, syntheticFeed(), { source: 'bundled' }, T2);
    expect(meta).toMatchObject({
      source: 'bundled',
      installedAt: T2.toISOString(),
      lastCheckedAt: T1.toISOString(),
      lastSuccessAt: T1.toISOString(),
      etag: null,
      lastModified: null,
    });
  });

  it('a first bundled install has never synced', async () => {
    const db = freshDb();
    const meta = await install(db, syntheticFeed(), { source: 'bundled' }, T2);
    expect(meta.lastCheckedAt).toBeNull();
    expect(meta.lastSuccessAt).toBeNull();
  });
});

describe('isEmpty', () => {
  it('is true before the first install and false after', async () => {
    const db = freshDb();
    expect(await isEmpty(db)).toBe(true);
    expect(await readMeta(db)).toBeUndefined();
    await install(db, syntheticFeed());
    expect(await isEmpty(db)).toBe(false);
  });
});
