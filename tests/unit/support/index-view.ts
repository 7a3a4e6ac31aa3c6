/**
 * What the packed indexes answer, for comparing two datasets whose index rows are cut into parts
 * differently (one document's `current`, a v2 install's shard parts, an overlay after changes):
 * they must answer every lookup, search and library query alike, not hold the same bytes.
 */
import { expect } from 'vitest';
import type { VerdictDb } from '../../../lib/store/db';
import { LookupIndex } from '../../../lib/store/lookup-index';
import { packedSearchIndex, type BrowseSort } from '../../../lib/store/search-query';
import { emptySearchRow } from '../../../lib/store/search-pack';
import { hashRows, RECORD_TABLES } from './db';

/** Every key any part of either index holds or any tool names, and queries from the titles. */
async function probes(dbs: readonly VerdictDb[]) {
  const keys = new Set<string>();
  const queries = new Set<string>(['', 'synthetic', 'a', 'zz-none']);
  for (const db of dbs) {
    for (const part of await db.lookupIndex.toArray())
      for (let i = 0; i < part.keyBadges.length; i++)
        keys.add(part.keys.slice(part.keyStarts[i], part.keyStarts[i + 1]));
    for (const k of await db.matchKeys.toArray()) keys.add(k.key);
    const verdicts = await db.verdicts.toArray();
    for (const v of verdicts.slice(0, 8)) {
      queries.add(v.title.slice(0, 3));
      queries.add(v.title.slice(2, 6));
    }
  }
  return { keys: [...keys].sort(), queries: [...queries] };
}

async function view(db: VerdictDb, keys: readonly string[], queries: readonly string[]) {
  const lookupParts = await db.lookupIndex.toArray();
  const searchParts = await db.searchIndex.toArray();
  const lookup = new LookupIndex(lookupParts);
  const search = packedSearchIndex(searchParts.length > 0 ? searchParts : emptySearchRow());
  const sorts: BrowseSort[] = ['relevance', 'ship', 'date', 'name'];
  return {
    lookupSize: lookup.size,
    lookups: keys.map((k) => [k, lookup.find([k])]),
    searchSize: search.size,
    searches: queries.map((q) => [q, search.search(q, 50)]),
    browses: queries.flatMap((query) =>
      sorts.flatMap((sort) =>
        [0, 7].map((offset) => search.browse({ query, sort, offset, limit: 200 })),
      ),
    ),
    filtered: search.browse({ query: '', sort: 'ship', offset: 0, limit: 200, band: 'ship' }),
  };
}

/** `a` and `b` hold the same records and rows, and their indexes answer alike. */
export async function expectSameDataset(a: VerdictDb, b: VerdictDb): Promise<void> {
  expect(await hashRows(a, RECORD_TABLES)).toBe(await hashRows(b, RECORD_TABLES));
  const { keys, queries } = await probes([a, b]);
  expect(await view(a, keys, queries)).toEqual(await view(b, keys, queries));
}

/** What the indexes answer, for checking that a change changed them. */
export async function indexView(db: VerdictDb): Promise<unknown> {
  const { keys, queries } = await probes([db]);
  return view(db, keys, queries);
}
