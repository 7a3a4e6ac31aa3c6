import type { Table } from 'dexie';
import { runYielding } from '../model/steps';
import type { VerdictDb } from './db';
import { isTextList, isWholeIndex, offsetsFit } from './index-repair';
import { OVERLAY, type SearchIndexRow, type ToolRow } from './rows';
import { searchRowSteps } from './search-pack';
import { searchSource, type SearchSource } from './search-source';

/** A token that changes whenever a dataset is installed or changed (the meta row says so). */
export const datasetToken = (meta: {
  installedAt: string;
  source: string;
  generatedAt: string;
}): string => `${meta.installedAt}|${meta.source}|${meta.generatedAt}`;

/** What the index is built from when it has to be built from the rows, plus the dataset token. */
export async function loadSearchEntries(
  db: VerdictDb,
): Promise<{ token: string | null; sources: SearchSource[] }> {
  return db.transaction('r', [db.tools, db.verdicts, db.meta], async () => {
    // Pages of rows, not a cursor (a round trip per row: seconds at 100,000 tools) nor one
    // getAll (its decoding holds the worker for half a second, and the popup's own lookup with
    // it). Since schema version 2 verdict rows are slim: whole verdicts live in answers.
    const [meta, tools, verdicts] = await Promise.all([
      db.meta.get('current'),
      inPages(db.tools, (t) => t.id),
      inPages(db.verdicts, (v) => v.id),
    ]);
    const byId = new Map<string, ToolRow>(tools.map((t) => [t.id, t]));
    const sources = verdicts.map((v) => searchSource(v, byId.get(v.toolId)));
    return { token: meta ? datasetToken(meta) : null, sources };
  });
}

const PAGE = 2000;

/**
 * Every row of a table in primary-key order, PAGE rows at a time, each page handed to `visit`
 * (which may stop the walk by returning false) and then let go.
 */
export async function eachPage<T>(
  table: Table<T, string>,
  keyOf: (row: T) => string,
  visit: (page: T[]) => boolean | Promise<boolean>,
): Promise<void> {
  for (let after: string | null = null; ;) {
    const page: T[] = await (
      after === null ? table.orderBy(':id') : table.where(':id').above(after)
    )
      .limit(PAGE)
      .toArray();
    const last = page.at(-1);
    if (!(await visit(page)) || page.length < PAGE || last === undefined) return;
    after = keyOf(last);
  }
}

/** Every row of a table in primary-key order, read PAGE rows at a time. */
export async function inPages<T>(table: Table<T, string>, keyOf: (row: T) => string): Promise<T[]> {
  const rows: T[] = [];
  await eachPage(table, keyOf, (page) => (rows.push(...page), true));
  return rows;
}

const below = (values: ArrayLike<number>, limit: number): boolean => {
  for (let i = 0; i < values.length; i++) if (!(values[i]! < limit)) return false;
  return true;
};

/**
 * Whether a stored search index can be searched: every offset and number in range, and an
 * overlay's list of hidden ids.
 */
export function isIntactSearchRow(row: SearchIndexRow): boolean {
  try {
    const { idStarts, itemStarts, keyStarts, entryKeys } = row;
    if (!offsetsFit(idStarts, row.ids) || !offsetsFit(itemStarts, row.items)) return false;
    if (!offsetsFit(keyStarts, row.keys)) return false;
    if (!(entryKeys instanceof Uint32Array) || entryKeys[0] !== 0) return false;
    const n = idStarts.length - 1;
    const keyCount = keyStarts.length - 1;
    if (itemStarts.length !== n + 1 || entryKeys.length !== n + 1) return false;
    if (entryKeys[n] !== keyCount) return false;
    for (let i = 1; i <= n; i++) if (entryKeys[i]! < entryKeys[i - 1]!) return false;
    const [categories, entries] = JSON.parse(row.labels) as unknown[];
    if (!Array.isArray(categories) || !Array.isArray(entries)) return false;
    const perEntry = [row.panelShip, row.recency, row.time, row.category, row.entry];
    if (perEntry.some((column) => !ArrayBuffer.isView(column) || column.length !== n)) return false;
    if (row.id === OVERLAY && !isTextList(row.drops)) return false;
    return (
      row.keyOrder instanceof Uint32Array &&
      row.keyOrder.length === keyCount &&
      below(row.keyOrder, keyCount) &&
      row.byShip instanceof Uint32Array &&
      row.byShip.length === n &&
      below(row.byShip, n) &&
      row.byDate instanceof Uint32Array &&
      row.byDate.length === n &&
      below(row.byDate, n) &&
      below(row.category, categories.length) &&
      below(row.entry, entries.length)
    );
  } catch {
    return false;
  }
}

/**
 * The stored search index (every part: rows.ts IndexPartId) and the token of the dataset it
 * belongs to; no part before any dataset. Written with every install and change, so it is
 * missing or broken only when something else touched the database: then it is built from the
 * rows (as every first search did before it was stored) and kept, in place of every part,
 * unless another dataset came in meanwhile.
 */
export async function readSearchIndex(
  db: VerdictDb,
): Promise<{ token: string | null; rows: SearchIndexRow[] }> {
  const [meta, rows] = await db.transaction('r', [db.meta, db.searchIndex], () =>
    Promise.all([db.meta.get('current'), db.searchIndex.toArray()]),
  );
  if (!meta) return { token: null, rows: [] };
  if (isWholeIndex(rows, isIntactSearchRow)) return { token: datasetToken(meta), rows };
  const loaded = await loadSearchEntries(db);
  // In slices: at 100,000 verdicts the build takes about a second, and lookups must not wait.
  const built = await runYielding(searchRowSteps(loaded.sources));
  await db.transaction('rw', [db.meta, db.searchIndex], async () => {
    const now = await db.meta.get('current');
    if (now && datasetToken(now) === loaded.token) {
      await db.searchIndex.clear();
      await db.searchIndex.put(built);
    }
  });
  return { token: loaded.token, rows: [built] };
}
