import { bandOf, type Band } from '../model/band';
import type { VerdictListItem, VerdictSummary } from '../model/answers';
import { byText, lowerBound, mergedWindow } from '../model/sorted';
import { OVERLAY, type SearchIndexRow } from './rows';
import { entryCount, entryId, keyText, sortKeyOf } from './search-pack';
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

/** One part of the index as a search reads it (rows.ts IndexPartId). */
interface Part {
  row: SearchIndexRow;
  /** 1 for an entry the overlay hides; null when none is hidden. */
  dead: Uint8Array | null;
  categories: string[];
  entries: string[];
}

/** An entry of one part. */
interface Hit {
  part: Part;
  e: number;
}

const alive = (part: Part, e: number) => part.dead === null || part.dead[e] === 0;

/** The order entries have in one index (search-pack.ts): first key, then id. */
function byEntry(a: Hit, b: Hit): number {
  if (a.part === b.part) return a.e - b.e;
  return (
    byText(sortKeyOf(a.part.row, a.e), sortKeyOf(b.part.row, b.e)) ||
    byText(entryId(a.part.row, a.e), entryId(b.part.row, b.e))
  );
}

const byShip = (a: Hit, b: Hit): number =>
  b.part.row.panelShip[b.e]! - a.part.row.panelShip[a.e]! || byEntry(a, b);

// Dated verdicts newest first, then the undated ones by their place among their tool's.
const byDate = (a: Hit, b: Hit): number =>
  b.part.row.time[b.e]! - a.part.row.time[a.e]! ||
  b.part.row.recency[b.e]! - a.part.row.recency[a.e]! ||
  byEntry(a, b);

function partOf(row: SearchIndexRow, drops: ReadonlySet<string>): Part {
  const [categories, entries] = JSON.parse(row.labels) as [string[], string[]];
  let dead: Uint8Array | null = null;
  if (drops.size > 0) {
    const n = entryCount(row);
    dead = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (drops.has(entryId(row, i))) dead[i] = 1;
  }
  return { row, dead, categories, entries };
}

/** The labels the live entries use, sorted (a part with hidden entries may list more). */
function labelsOf(parts: readonly Part[], pick: 'category' | 'entry'): string[] {
  const used = new Set<string>();
  for (const part of parts) {
    const names = pick === 'category' ? part.categories : part.entries;
    if (part.dead === null) for (const name of names) used.add(name);
    else {
      const column = part.row[pick];
      for (let i = 0; i < column.length; i++) if (part.dead[i] === 0) used.add(names[column[i]!]!);
    }
  }
  return [...used].sort(byText);
}

/** One part's entries whose key starts with `q`, each at its first such key, at most `max`. */
function prefixHits(part: Part, q: string, max: number): { hit: Hit; key: string }[] {
  const { row } = part;
  const { keyOrder } = row;
  const keyAt = (n: number) => keyText(row, keyOrder[n]!);
  const taken = new Set<number>();
  const hits: { hit: Hit; key: string }[] = [];
  for (
    let n = lowerBound(keyOrder.length, keyAt, q);
    n < keyOrder.length && hits.length < max;
    n++
  ) {
    const key = keyAt(n);
    if (!key.startsWith(q)) break;
    const e = entryOf(row, keyOrder[n]!);
    if (taken.has(e) || !alive(part, e)) continue;
    taken.add(e);
    hits.push({ hit: { part, e }, key });
  }
  return hits;
}

/**
 * Searches a packed index (rows.ts) in place: nothing is unpacked when it is revived, an entry's
 * text is parsed only when it is answered. Prefix queries are a binary search over the key
 * order; the substring pass is one scan that stops as soon as it has enough. The library's view
 * scans once per query (every verdict must be counted), in the orders stored with the index.
 * Over several parts (a v2 install's, an overlay) each is searched so and the answers merged in
 * the order one index of them all would give.
 */
export function packedSearchIndex(rows: SearchIndexRow | readonly SearchIndexRow[]): SearchIndex {
  const list: readonly SearchIndexRow[] = Array.isArray(rows) ? rows : [rows];
  const overlay = list.find((r) => r.id === OVERLAY);
  const drops = new Set(overlay?.drops ?? []);
  const parts = list.map((row) => partOf(row, row === overlay ? new Set() : drops));
  let size = 0;
  for (const part of parts) {
    const n = entryCount(part.row);
    size += part.dead ? part.dead.reduce((left, d) => left - d, n) : n;
  }
  const categories = labelsOf(parts, 'category');
  const entryLabels = labelsOf(parts, 'entry');

  const item = ({ part, e }: Hit): VerdictListItem => {
    const { row } = part;
    const [title, toolId, toolName, publishedAt] = JSON.parse(
      row.items.slice(row.itemStarts[e], row.itemStarts[e + 1]),
    ) as [string, string, string, string | null];
    return {
      id: entryId(row, e),
      title,
      panelShip: row.panelShip[e]!,
      toolId,
      toolName,
      category: part.categories[row.category[e]!]!,
      entry: part.entries[row.entry[e]!]!,
      ...(publishedAt ? { publishedAt } : {}),
    };
  };
  const summary = (hit: Hit): VerdictSummary => {
    const { id, title, panelShip, toolId, toolName } = item(hit);
    return { id, title, panelShip, toolId, toolName };
  };
  /** The first `max` live entries of each part, in entry order. */
  const firstEntries = (max: number): Hit[][] =>
    parts.map((part) => {
      const out: Hit[] = [];
      for (let e = 0; e < entryCount(part.row) && out.length < max; e++)
        if (alive(part, e)) out.push({ part, e });
      return out;
    });

  const search = (query: string, limit = DEFAULT_SEARCH_LIMIT): VerdictSummary[] => {
    const max = clamp(limit, MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT);
    if (max === 0) return [];
    const q = normalize(query);
    if (q === '') return mergedWindow(firstEntries(max), byEntry, 0, max).map(summary);

    const hits = mergedWindow(
      parts.map((part) => prefixHits(part, q, max)),
      (a, b) => byText(a.key, b.key) || byEntry(a.hit, b.hit),
      0,
      max,
    ).map((h) => h.hit);
    if (hits.length >= max) return hits.map(summary);

    const taken = new Map<Part, Set<number>>(parts.map((p) => [p, new Set<number>()]));
    for (const h of hits) taken.get(h.part)!.add(h.e);
    const room = max - hits.length;
    const wordStart: Hit[][] = [];
    const inside: Hit[][] = [];
    for (const part of parts) {
      const words: Hit[] = [];
      const within: Hit[] = [];
      const skip = taken.get(part)!;
      forEachMatch(part.row, q, (e, rank) => {
        if (skip.has(e) || !alive(part, e)) return true;
        if (rank >= 2) words.push({ part, e });
        else if (within.length < room) within.push({ part, e });
        return words.length < room;
      });
      wordStart.push(words);
      inside.push(within);
    }
    return [
      ...hits,
      ...mergedWindow(wordStart, byEntry, 0, room),
      ...mergedWindow(inside, byEntry, 0, room),
    ]
      .slice(0, max)
      .map(summary);
  };

  const browse = (request: BrowseQuery): BrowseResult => {
    const q = normalize(request.query);
    const limit = clamp(request.limit, MAX_BROWSE_LIMIT, 50);
    const offset = Math.max(0, Math.floor(request.offset) || 0);
    // Per part: its entries that match, in the part's order for the sort; `groups` of them
    // come one after the other (relevance: the better rank first).
    const groups: Hit[][][] = request.sort === 'relevance' && q !== '' ? [[], [], []] : [[]];
    for (const part of parts) {
      const { row } = part;
      const wantCategory =
        request.category === undefined ? -1 : part.categories.indexOf(request.category);
      const wantEntry = request.entry === undefined ? -1 : part.entries.indexOf(request.entry);
      const keep = (i: number) =>
        alive(part, i) &&
        (request.category === undefined || row.category[i] === wantCategory) &&
        (request.entry === undefined || row.entry[i] === wantEntry) &&
        (request.band === undefined || bandOf(row.panelShip[i]!) === request.band);
      if (groups.length === 3) {
        // Better matches first; within a rank, the name order entries have.
        const byRank: Hit[][] = [[], [], [], []];
        forEachMatch(row, q, (e, rank) => {
          if (keep(e)) byRank[rank]!.push({ part, e });
          return true;
        });
        for (let r = 0; r < 3; r++) groups[r]!.push(byRank[3 - r]!);
        continue;
      }
      let ranks: Uint8Array | null = null;
      if (q !== '') {
        const found = new Uint8Array(entryCount(row));
        forEachMatch(row, q, (e, rank) => ((found[e] = rank), true));
        ranks = found;
      }
      const matched: Hit[] = [];
      const order: ArrayLike<number> | null =
        request.sort === 'ship' ? row.byShip : request.sort === 'date' ? row.byDate : null;
      const count = order ? order.length : entryCount(row);
      for (let n = 0; n < count; n++) {
        const i = order ? order[n]! : n;
        if (keep(i) && (ranks === null || ranks[i]! > 0)) matched.push({ part, e: i });
      }
      groups[0]!.push(matched);
    }
    const compare = request.sort === 'ship' ? byShip : request.sort === 'date' ? byDate : byEntry;
    let total = 0;
    const items: Hit[] = [];
    for (const lists of groups) {
      const size = lists.reduce((n, l) => n + l.length, 0);
      const from = Math.max(0, offset - total);
      const to = Math.min(size, offset + limit - total);
      if (to > from) items.push(...mergedWindow(lists, compare, from, to));
      total += size;
    }
    return { total, items: items.map(item), categories, entries: entryLabels };
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
