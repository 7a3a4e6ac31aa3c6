import { bandOf, type Band } from '../model/band';
import type { VerdictListItem, VerdictSummary } from '../model/answers';
import { byText } from '../model/sorted';
import type { SearchIndexRow } from './rows';
import { entryCount, entryId, keyText } from './search-pack';
import { normalize } from './search-source';

/** Most hits one search returns; the pickers show far fewer. */
export const MAX_SEARCH_LIMIT = 50;
export const DEFAULT_SEARCH_LIMIT = 20;
/** Most rows one library page asks for at a time. */
export const MAX_BROWSE_LIMIT = 200;

export type BrowseSort = 'relevance' | 'ship' | 'date' | 'name';

export interface BrowseQuery {
  query: string;
  category?: string;
  band?: Band;
  entry?: string;
  sort: BrowseSort;
  offset: number;
  limit: number;
}

export interface BrowseResult {
  /** How many verdicts match the query and the filters. */
  total: number;
  /** The window asked for, in order. */
  items: VerdictListItem[];
  /** Every category and entry label in the dataset, for the filters. */
  categories: string[];
  entries: string[];
}

export interface SearchIndex {
  readonly size: number;
  /** Prefix matches first (alphabetically), then word-start matches, then other substrings. */
  search(query: string, limit?: number): VerdictSummary[];
  /** The library's view: filtered, sorted, a window of it at a time. */
  browse(query: BrowseQuery): BrowseResult;
}

const clamp = (limit: number, max: number, fallback: number): number =>
  Number.isFinite(limit) ? Math.max(0, Math.min(max, Math.floor(limit))) : fallback;

const SPACE = 32;

/**
 * Calls `visit` for every entry a key of which contains `q`, in entry order, with its rank: 3 a
 * key starts with it, 2 a word in a key does, 1 a key contains it. One `indexOf` pass over all
 * the keys (they are one string), skipping what cannot raise an entry's rank; stops when `visit`
 * returns false.
 */
function forEachMatch(
  row: SearchIndexRow,
  q: string,
  visit: (entry: number, rank: number) => boolean,
): void {
  const { keys, keyStarts, entryKeys } = row;
  let k = 0;
  let e = 0;
  let current = -1;
  let best = 0;
  for (let at = keys.indexOf(q); at >= 0;) {
    while (keyStarts[k + 1]! <= at) k++;
    while (entryKeys[e + 1]! <= k) e++;
    if (e !== current) {
      if (current >= 0 && !visit(current, best)) return;
      current = e;
      best = 0;
    }
    let next: number;
    if (at === keyStarts[k]) {
      best = 3;
      next = keyStarts[entryKeys[e + 1]!]!;
    } else if (keys.charCodeAt(at - 1) === SPACE) {
      best = Math.max(best, 2);
      next = keyStarts[k + 1]!;
    } else {
      best = Math.max(best, 1);
      next = at + 1;
    }
    at = next < keys.length ? keys.indexOf(q, next) : -1;
  }
  if (current >= 0) visit(current, best);
}

/**
 * Searches a packed index (rows.ts) in place: nothing is unpacked when it is revived, an entry's
 * text is parsed only when it is answered. Prefix queries are a binary search over the key
 * order; the substring pass is one scan that stops as soon as it has enough. The library's view
 * scans once per query (every verdict must be counted), in the orders stored with the index.
 */
export function packedSearchIndex(row: SearchIndexRow): SearchIndex {
  const size = entryCount(row);
  const [categories, entryLabels] = JSON.parse(row.labels) as [string[], string[]];

  const item = (i: number): VerdictListItem => {
    const [title, toolId, toolName, publishedAt] = JSON.parse(
      row.items.slice(row.itemStarts[i], row.itemStarts[i + 1]),
    ) as [string, string, string, string | null];
    return {
      id: entryId(row, i),
      title,
      panelShip: row.panelShip[i]!,
      toolId,
      toolName,
      category: categories[row.category[i]!]!,
      entry: entryLabels[row.entry[i]!]!,
      ...(publishedAt ? { publishedAt } : {}),
    };
  };
  const summary = (i: number): VerdictSummary => {
    const { id, title, panelShip, toolId, toolName } = item(i);
    return { id, title, panelShip, toolId, toolName };
  };

  const search = (query: string, limit = DEFAULT_SEARCH_LIMIT): VerdictSummary[] => {
    const max = clamp(limit, MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT);
    if (max === 0) return [];
    const q = normalize(query);
    if (q === '') return Array.from({ length: Math.min(max, size) }, (_, i) => summary(i));

    const { keyOrder } = row;
    const keyAt = (n: number) => keyText(row, keyOrder[n]!);
    let lo = 0;
    for (let hi = keyOrder.length; lo < hi;) {
      const mid = (lo + hi) >>> 1;
      if (byText(keyAt(mid), q) < 0) lo = mid + 1;
      else hi = mid;
    }
    const taken = new Set<number>();
    const hits: number[] = [];
    for (let n = lo; n < keyOrder.length && hits.length < max; n++) {
      if (!keyAt(n).startsWith(q)) break;
      const e = entryOf(row, keyOrder[n]!);
      if (taken.has(e)) continue;
      taken.add(e);
      hits.push(e);
    }
    if (hits.length >= max) return hits.map(summary);

    const wordStart: number[] = [];
    const inside: number[] = [];
    const room = max - hits.length;
    forEachMatch(row, q, (e, rank) => {
      if (taken.has(e)) return true;
      if (rank >= 2) wordStart.push(e);
      else if (inside.length < room) inside.push(e);
      return wordStart.length < room;
    });
    return [...hits, ...wordStart, ...inside].slice(0, max).map(summary);
  };

  const browse = (request: BrowseQuery): BrowseResult => {
    const q = normalize(request.query);
    const limit = clamp(request.limit, MAX_BROWSE_LIMIT, 50);
    const offset = Math.max(0, Math.floor(request.offset) || 0);
    const wantCategory = request.category === undefined ? -1 : categories.indexOf(request.category);
    const wantEntry = request.entry === undefined ? -1 : entryLabels.indexOf(request.entry);
    const keep = (i: number) =>
      (request.category === undefined || row.category[i] === wantCategory) &&
      (request.entry === undefined || row.entry[i] === wantEntry) &&
      (request.band === undefined || bandOf(row.panelShip[i]!) === request.band);
    let matched: number[];
    if (request.sort === 'relevance' && q !== '') {
      // Better matches first; within a rank, the name order entries have.
      const byRank: number[][] = [[], [], [], []];
      forEachMatch(row, q, (e, rank) => {
        if (keep(e)) byRank[rank]!.push(e);
        return true;
      });
      matched = [...byRank[3]!, ...byRank[2]!, ...byRank[1]!];
    } else {
      let ranks: Uint8Array | null = null;
      if (q !== '') {
        const found = new Uint8Array(size);
        forEachMatch(row, q, (e, rank) => ((found[e] = rank), true));
        ranks = found;
      }
      const ok = (i: number) => keep(i) && (ranks === null || ranks[i]! > 0);
      matched = [];
      const order: ArrayLike<number> | null =
        request.sort === 'ship' ? row.byShip : request.sort === 'date' ? row.byDate : null;
      const count = order ? order.length : size;
      for (let n = 0; n < count; n++) {
        const i = order ? order[n]! : n;
        if (ok(i)) matched.push(i);
      }
    }
    return {
      total: matched.length,
      items: matched.slice(offset, offset + limit).map(item),
      categories,
      entries: entryLabels,
    };
  };

  return { size, search, browse };
}

/** The entry a key number belongs to: a binary search over the entries' first keys. */
function entryOf(row: SearchIndexRow, k: number): number {
  const { entryKeys } = row;
  let lo = 0;
  let hi = entryKeys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (entryKeys[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
