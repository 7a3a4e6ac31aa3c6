import type { Table } from 'dexie';
import type { VerdictDb } from './db';
import { byText, lowerBound } from '../model/sorted';
import type { VerdictSummary } from '../model/answers';

/** Most hits one search returns; the pickers show far fewer. */
export const MAX_SEARCH_LIMIT = 50;
export const DEFAULT_SEARCH_LIMIT = 20;

/** Lower-cased, trimmed, inner whitespace collapsed: how names and queries are compared. */
export const normalize = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

export interface SearchIndex {
  readonly size: number;
  /** Prefix matches first (alphabetical), then word-start matches, then other substrings. */
  search(query: string, limit?: number): VerdictSummary[];
}

interface Entry {
  summary: VerdictSummary;
  /** The verdict title and, when it says something else, the tool's name; normalized. */
  keys: string[];
}

const clampLimit = (limit: number): number =>
  Number.isFinite(limit)
    ? Math.max(0, Math.min(MAX_SEARCH_LIMIT, Math.floor(limit)))
    : DEFAULT_SEARCH_LIMIT;

/**
 * An in-memory index over every verdict. Prefix queries are a binary search over the sorted keys;
 * the substring pass is one scan that stops as soon as it has enough, so 100,000 tools stay fast.
 */
export function buildSearchIndex(summaries: readonly VerdictSummary[]): SearchIndex {
  const entries: Entry[] = summaries.map((summary) => {
    const title = normalize(summary.title);
    const name = normalize(summary.toolName);
    return { summary, keys: title.includes(name) ? [title] : [title, name] };
  });
  entries.sort((a, b) => byText(a.keys[0]!, b.keys[0]!) || byText(a.summary.id, b.summary.id));
  const sortedKeys = entries.flatMap((entry, index) => entry.keys.map((key) => ({ key, index })));
  sortedKeys.sort((a, b) => byText(a.key, b.key) || a.index - b.index);

  const search = (query: string, limit = DEFAULT_SEARCH_LIMIT): VerdictSummary[] => {
    const max = clampLimit(limit);
    if (max === 0) return [];
    const q = normalize(query);
    if (q === '') return entries.slice(0, max).map((e) => e.summary);

    const taken = new Set<number>();
    const hits: VerdictSummary[] = [];
    for (
      let i = lowerBound(sortedKeys.length, (k) => sortedKeys[k]!.key, q);
      i < sortedKeys.length && hits.length < max;
      i++
    ) {
      const { key, index } = sortedKeys[i]!;
      if (!key.startsWith(q)) break;
      if (taken.has(index)) continue;
      taken.add(index);
      hits.push(entries[index]!.summary);
    }
    if (hits.length >= max) return hits;

    const wordStart: VerdictSummary[] = [];
    const inside: VerdictSummary[] = [];
    const room = max - hits.length;
    const boundary = /[\s\-_./:(]/;
    for (let index = 0; index < entries.length && wordStart.length < room; index++) {
      if (taken.has(index)) continue;
      let best = 0;
      for (const key of entries[index]!.keys) {
        let at = key.indexOf(q);
        while (at > 0 && best < 2) {
          best = Math.max(best, boundary.test(key[at - 1]!) ? 2 : 1);
          at = key.indexOf(q, at + 1);
        }
      }
      if (best === 2) wordStart.push(entries[index]!.summary);
      else if (best === 1 && inside.length < room) inside.push(entries[index]!.summary);
    }
    return [...hits, ...wordStart, ...inside].slice(0, max);
  };

  return { size: entries.length, search };
}

/** What the index is built from, plus a token that changes whenever a dataset is installed. */
export async function loadSearchEntries(
  db: VerdictDb,
): Promise<{ token: string | null; summaries: VerdictSummary[] }> {
  return db.transaction('r', [db.tools, db.verdicts, db.meta], async () => {
    // Pages of rows, not a cursor (a round trip per row: seconds at 100,000 tools) nor one
    // getAll (its decoding holds the worker for half a second, and the popup's own lookup with
    // it). Since schema version 2 verdict rows are slim: whole verdicts live in answers.
    const [meta, tools, verdicts] = await Promise.all([
      db.meta.get('current'),
      inPages(db.tools, (t) => t.id),
      inPages(db.verdicts, (v) => v.id),
    ]);
    const names = new Map(tools.map((t) => [t.id, t.name]));
    const summaries = verdicts.map((v): VerdictSummary => ({
      id: v.id,
      title: v.title,
      panelShip: v.panelShip,
      toolId: v.toolId,
      toolName: names.get(v.toolId) ?? v.toolId,
    }));
    return { token: meta ? datasetToken(meta) : null, summaries };
  });
}

const PAGE = 2000;

/** Every row of a table in primary-key order, read PAGE rows at a time. */
async function inPages<T>(table: Table<T, string>, keyOf: (row: T) => string): Promise<T[]> {
  const rows: T[] = [];
  for (let after: string | null = null; ;) {
    const page: T[] = await (
      after === null ? table.orderBy(':id') : table.where(':id').above(after)
    )
      .limit(PAGE)
      .toArray();
    rows.push(...page);
    const last = page.at(-1);
    if (page.length < PAGE || last === undefined) return rows;
    after = keyOf(last);
  }
}

const datasetToken = (meta: { installedAt: string; source: string; generatedAt: string }): string =>
  `${meta.installedAt}|${meta.source}|${meta.generatedAt}`;

export interface SearchService {
  search(query: string, limit?: number): Promise<VerdictSummary[]>;
}

/**
 * The background's search: the index is built lazily, once per worker life, and again only when
 * another dataset was installed (a sync or a reset), which the meta record tells.
 */
export function createSearchService(db: VerdictDb): SearchService {
  type Built = { token: string | null; index: SearchIndex };
  let cached: Promise<Built> | null = null;

  const load = (): Promise<Built> => {
    const loading = loadSearchEntries(db).then((l) => ({
      token: l.token,
      index: buildSearchIndex(l.summaries),
    }));
    // A failed build is forgotten, so the next search tries again.
    loading.catch(() => {
      if (cached === loading) cached = null;
    });
    return loading;
  };

  return {
    async search(query, limit = DEFAULT_SEARCH_LIMIT) {
      const meta = await db.meta.get('current');
      const token = meta ? datasetToken(meta) : null;
      const current = cached;
      let built = current ? await current.catch(() => null) : null;
      if (!built || built.token !== token) {
        // Only the first search to notice a new dataset rebuilds; the others wait for it.
        if (cached === current || cached === null) cached = load();
        built = await cached;
      }
      return built.index.search(query, limit);
    },
  };
}
