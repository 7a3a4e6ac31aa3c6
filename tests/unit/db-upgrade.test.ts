/**
 * The upgrade path of the IndexedDB schema. A profile that installed a dataset under schema
 * version 1 must open with the current VerdictDb and keep every row, with lookups answering as
 * before, so an update of the extension never loses the dataset (nor needs a re-download).
 *
 * There is no version 2 yet: every query the extension makes is served by a version-1 index
 * (verdicts by toolId, comparisons by *verdictIds, matchKeys by key and key prefix), so no new
 * index would earn an upgrade. While the current version is 1, this guards the declared schema
 * staying compatible with databases already on users' machines; when a version 2 comes, its
 * upgrade is tested by the same harness, unchanged.
 */
import Dexie from 'dexie';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { VerdictDb } from '../../lib/db';
import { installFeed } from '../../lib/dataset-store';
import { answerForTool, toolIdForKeys } from '../../lib/lookup';
import { domainKeysForHost, githubKey } from '../../lib/match-keys';
import { loadSearchEntries } from '../../lib/search-index';
import { hashRows } from './support/db';
import { cursorFeed, syntheticFeed, toFeed, type FeedJson } from './support/feeds';

/** Schema version 1 exactly as released. Never edit: change the schema with a new version. */
const V1_STORES = {
  tools: 'id, nameLower',
  verdicts: 'id, toolId',
  reviewers: 'id',
  comparisons: 'id, *verdictIds',
  matchKeys: 'key, toolId',
  meta: 'id',
} as const;

const SOURCE = 'https://feeds.synthetic.test/verdicts.json';
const names: string[] = [];

afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/** A database created and filled by version 1 of the schema, then closed. */
async function v1Database(feed: FeedJson) {
  const name = `verdict-lens-v1-${randomUUID()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  // The v1 store has the same tables, so the dataset code can fill and read it.
  const asVerdictDb = v1 as unknown as VerdictDb;
  await installFeed(
    asVerdictDb,
    toFeed(feed),
    { source: SOURCE, etag: '"v1"' },
    new Date('2025-03-01T00:00:00Z'),
  );
  const before = {
    hash: await hashRows(asVerdictDb),
    counts: Object.fromEntries(
      await Promise.all(v1.tables.map(async (t) => [t.name, await t.count()])),
    ),
    cursor: await answerForTool(asVerdictDb, 'cursor'),
    search: await loadSearchEntries(asVerdictDb),
  };
  v1.close();
  return { name, before };
}

describe('opening a version-1 database with the current VerdictDb', () => {
  it('keeps every row and every lookup answer', async () => {
    const { name, before } = await v1Database(cursorFeed());
    const db = new VerdictDb(name);
    await db.open();
    try {
      expect(db.verno).toBeGreaterThanOrEqual(1);
      expect(await hashRows(db)).toBe(before.hash);
      for (const [table, count] of Object.entries(before.counts)) {
        expect(await db.table(table).count(), table).toBe(count);
      }
      expect(await toolIdForKeys(db, [githubKey('getcursor/cursor')])).toBe('cursor');
      expect(await toolIdForKeys(db, domainKeysForHost('docs.cursor.com'))).toBe('cursor-docs');
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
      expect(await toolIdForKeys(db, [githubKey('synthetic-org/tool-1')])).toBe('synthetic-tool-1');
    } finally {
      db.close();
    }
  });

  it('declares version 1 as released while it is the latest version', () => {
    const db = new VerdictDb(`verdict-lens-schema-${randomUUID()}`);
    names.push(db.name);
    if (db.verno > 1) return; // a later version exists: the upgrade tests above cover it
    const declared = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', '),
      ]),
    );
    expect(declared).toEqual(V1_STORES);
  });
});
