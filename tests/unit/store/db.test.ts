/**
 * The upgrade path of the IndexedDB schema. A profile that installed a dataset under schema
 * version 1 must open with the current VerdictDb and keep every row, with lookups answering as
 * before, so an update of the extension never loses the dataset (nor needs a re-download).
 * Version 2 added the per-tool `answers` table: its upgrade builds the answers from the
 * version-1 rows, and version 3 the packed match-key index (`lookupIndex`) from those, so the
 * upgraded database equals one installed fresh under the current version.
 */
import Dexie from 'dexie';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { VerdictDb } from '../../../lib/store/db';
import { installFeed } from '../../../lib/store/install';
import { answerForTool } from '../../../lib/store/answers';
import { LookupIndex } from '../../../lib/store/lookup-index';
import { domainKeysForHost, githubKey } from '../../../lib/model/match-keys';
import { loadSearchEntries } from '../../../lib/store/search-index';
import { hashRows } from '../support/db';
import { cursorFeed, syntheticFeed, toFeed, type FeedJson } from '../support/feeds';

/** Schema version 1 exactly as released. Never edit: change the schema with a new version. */
const V1_STORES = {
  tools: 'id, nameLower',
  verdicts: 'id, toolId',
  reviewers: 'id',
  comparisons: 'id, *verdictIds',
  matchKeys: 'key, toolId',
  meta: 'id',
} as const;

/** Schema version 2 as released: version 1 plus the per-tool answers. Never edit. */
const V2_STORES = { ...V1_STORES, answers: 'toolId' } as const;

/** Schema version 3 as released: version 2 plus the packed lookup index. Never edit. */
const V3_STORES = { ...V2_STORES, lookupIndex: 'id' } as const;

/** Schema version 4 as released: the stores of version 3 (its upgrade filled in verdict rows). */
const V4_STORES = V3_STORES;

const SOURCE = 'https://feeds.synthetic.test/verdicts.json';
const names: string[] = [];

afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/**
 * A database created and filled by version 1 of the schema, then closed. Its rows are those a
 * current install writes to the version-1 tables; `before` is what the current schema answers
 * for the same feed installed fresh.
 */
async function v1Database(feed: FeedJson) {
  const fresh = new VerdictDb(`verdict-lens-fresh-${randomUUID()}`);
  names.push(fresh.name);
  await installFeed(
    fresh,
    toFeed(feed),
    { source: SOURCE, etag: '"v1"' },
    new Date('2025-03-01T00:00:00Z'),
  );
  const name = `verdict-lens-v1-${randomUUID()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  for (const table of Object.keys(V1_STORES)) {
    await v1.table(table).bulkAdd(await fresh.table(table).toArray());
  }
  // Version 1 kept whole verdicts (reviews and all) in its verdicts table.
  const whole = new Map(
    (await fresh.answers.toArray()).flatMap((a) => a.verdicts.map((v) => [v.id, v] as const)),
  );
  await v1
    .table('verdicts')
    .bulkPut((await fresh.verdicts.toArray()).map((row) => ({ ...whole.get(row.id), ...row })));
  const before = {
    hash: await hashRows(fresh),
    counts: Object.fromEntries(
      await Promise.all(fresh.tables.map(async (t) => [t.name, await t.count()])),
    ),
    cursor: await answerForTool(fresh, 'cursor'),
    search: await loadSearchEntries(fresh),
  };
  fresh.close();
  v1.close();
  return { name, before };
}

describe('opening a version-1 database with the current VerdictDb', () => {
  it('keeps every row and every lookup answer', async () => {
    const { name, before } = await v1Database(cursorFeed());
    const db = new VerdictDb(name);
    await db.open();
    try {
      expect(db.verno).toBe(5);
      expect(await hashRows(db)).toBe(before.hash);
      for (const [table, count] of Object.entries(before.counts)) {
        expect(await db.table(table).count(), table).toBe(count);
      }
      const index = new LookupIndex((await db.lookupIndex.get('current'))!);
      expect(index.find([githubKey('getcursor/cursor')])?.toolId).toBe('cursor');
      expect(index.find(domainKeysForHost('docs.cursor.com'))?.toolId).toBe('cursor-docs');
      expect(await answerForTool(db, 'cursor')).toEqual(before.cursor);
      expect(await loadSearchEntries(db)).toEqual(before.search);
    } finally {
      db.close();
    }
  });

  it('keeps a larger dataset whole, and can replace it afterwards', async () => {
    const big = syntheticFeed({ tools: 300, verdicts: 900, comparisons: 100, tag: 'v1' });
    const { name, before } = await v1Database(big);
    const db = new VerdictDb(name);
    try {
      expect(await hashRows(db)).toBe(before.hash);
      expect(await db.verdicts.where('toolId').equals('synthetic-tool-7').count()).toBe(3);
      const next = syntheticFeed({
        tools: 2,
        verdicts: 2,
        tag: 'after-upgrade',
        generatedAt: '2025-06-01T00:00:00Z',
      });
      await installFeed(db, toFeed(next), { source: SOURCE }, new Date('2025-06-02T00:00:00Z'));
      expect(await db.tools.count()).toBe(2);
      const index = new LookupIndex((await db.lookupIndex.get('current'))!);
      expect(index.find([githubKey('synthetic-org/tool-1')])?.toolId).toBe('synthetic-tool-1');
      expect(index.find([githubKey('synthetic-org/tool-7')])).toBeNull();
    } finally {
      db.close();
    }
  });

  it('builds the lookup index when a version-2 database opens, equal to a fresh install', async () => {
    const feed = toFeed(syntheticFeed({ tools: 300, verdicts: 900, comparisons: 100, tag: 'v2' }));
    const fresh = new VerdictDb(`verdict-lens-fresh-${randomUUID()}`);
    names.push(fresh.name);
    await installFeed(fresh, feed, { source: SOURCE }, new Date('2025-03-01T00:00:00Z'));
    const name = `verdict-lens-v2-${randomUUID()}`;
    names.push(name);
    const v2 = new Dexie(name);
    v2.version(2).stores(V2_STORES);
    await v2.open();
    for (const table of Object.keys(V2_STORES))
      await v2.table(table).bulkAdd(await fresh.table(table).toArray());
    v2.close();
    const db = new VerdictDb(name);
    try {
      expect(await db.lookupIndex.get('current')).toEqual(await fresh.lookupIndex.get('current'));
      expect(await hashRows(db)).toBe(await hashRows(fresh));
    } finally {
      db.close();
      fresh.close();
    }
  });

  it('fills in what the library filters by when a version-3 database opens', async () => {
    const json = syntheticFeed({ tools: 50, verdicts: 120, tag: 'v3' });
    json.verdicts[3]!.publishedAt = '2025-02-01T00:00:00Z';
    const feed = toFeed(json);
    const fresh = new VerdictDb(`verdict-lens-fresh-${randomUUID()}`);
    names.push(fresh.name);
    await installFeed(fresh, feed, { source: SOURCE }, new Date('2025-03-01T00:00:00Z'));
    const name = `verdict-lens-v3-${randomUUID()}`;
    names.push(name);
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    await v3.open();
    for (const table of Object.keys(V3_STORES))
      await v3.table(table).bulkAdd(await fresh.table(table).toArray());
    // Version-3 verdict rows, as released: without category, entry or publishedAt.
    await v3.table('verdicts').bulkPut(
      (await fresh.verdicts.toArray()).map(({ id, toolId, title, panelShip, recency }) => ({
        id,
        toolId,
        title,
        panelShip,
        recency,
      })),
    );
    v3.close();
    const db = new VerdictDb(name);
    try {
      expect(await db.verdicts.toArray()).toEqual(await fresh.verdicts.toArray());
      expect((await db.verdicts.get(json.verdicts[3]!.id))?.publishedAt).toBe(
        '2025-02-01T00:00:00Z',
      );
      expect(await hashRows(db)).toBe(await hashRows(fresh));
    } finally {
      db.close();
      fresh.close();
    }
  });

  it('drops the joined comparisons from the answers when a version-4 database opens', async () => {
    const feed = toFeed(cursorFeed());
    const fresh = new VerdictDb(`verdict-lens-fresh-${randomUUID()}`);
    names.push(fresh.name);
    await installFeed(fresh, feed, { source: SOURCE }, new Date('2025-03-01T00:00:00Z'));
    const name = `verdict-lens-v4-${randomUUID()}`;
    names.push(name);
    const v4 = new Dexie(name);
    v4.version(4).stores(V4_STORES);
    await v4.open();
    for (const table of Object.keys(V4_STORES))
      await v4.table(table).bulkAdd(await fresh.table(table).toArray());
    // Version-4 answers, as released: each verdict's comparisons with the partners joined in.
    await v4
      .table('answers')
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        row.comparisons = { 'cursor-v0-50': [{ id: 'joined', title: 'joined', partners: [] }] };
      });
    v4.close();
    const db = new VerdictDb(name);
    try {
      expect((await db.answers.get('cursor')) as object).not.toHaveProperty('comparisons');
      expect(await hashRows(db)).toBe(await hashRows(fresh));
      expect(await answerForTool(db, 'cursor')).toEqual(await answerForTool(fresh, 'cursor'));
    } finally {
      db.close();
      fresh.close();
    }
  });

  it('declares version 1 as released, plus the tables of versions 2, 3 and 5', () => {
    const db = new VerdictDb(`verdict-lens-schema-${randomUUID()}`);
    names.push(db.name);
    const declared = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', '),
      ]),
    );
    expect(declared).toEqual({
      ...V1_STORES,
      answers: 'toolId',
      lookupIndex: 'id',
      searchIndex: 'id',
    });
  });
});
