import type { Table } from 'dexie';
import { bandOf, type Band } from '../model/band';
import type { VerdictListItem, VerdictSummary } from '../model/answers';
import { byText, lowerBound } from '../model/sorted';
import { runNow, runYielding, sortInSteps, STEP_ITEMS, type Steps } from '../model/steps';
import type { VerdictDb } from './db';
import type { ToolRow, VerdictRow } from './rows';

/** Most hits one search returns; the pickers show far fewer. */
export const MAX_SEARCH_LIMIT = 50;
export const DEFAULT_SEARCH_LIMIT = 20;
/** Most rows one library page asks for at a time. */
export const MAX_BROWSE_LIMIT = 200;

/**
 * How names and queries are compared: lower case, and separators folded into single spaces, so
 * "ml intern" finds "ml-intern" and "huggingface/ml-intern" finds the repository
 * `huggingface/ml-intern`.
 */
export const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s\-_./:()[\],]+/g, ' ')
    .trim();

/** One verdict as the index is built from it. */
export interface SearchSource extends VerdictListItem {
  /** Other names it is found by: the tool's aliases, ids, repositories and domains. */
  terms: readonly string[];
  /** Place among its tool's verdicts; higher is newer. */
  recency: number;
}

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

interface Entry {
  item: VerdictListItem;
  summary: VerdictSummary;
  /** Normalized: the title first (what it is sorted by), then the tool's name, then its terms. */
  keys: string[];
  band: Band;
  /** Milliseconds of publishedAt; -Infinity without one. */
  time: number;
  recency: number;
}

const clamp = (limit: number, max: number, fallback: number): number =>
  Number.isFinite(limit) ? Math.max(0, Math.min(max, Math.floor(limit))) : fallback;

/** 3 a key starts with the query, 2 a word in a key does, 1 a key contains it, 0 none. */
function rank(keys: readonly string[], q: string): number {
  let best = 0;
  for (const key of keys) {
    const at = key.indexOf(q);
    if (at === 0) return 3;
    if (at < 0) continue;
    best = Math.max(best, 1);
    if (key.includes(` ${q}`)) best = 2;
  }
  return best;
}

/**
 * An in-memory index over every verdict. Prefix queries are a binary search over the sorted keys;
 * the substring pass is one scan that stops as soon as it has enough. The library's view scans
 * once per query (every verdict must be counted), in orders sorted once when the index is built.
 */
export function* searchIndexSteps(sources: readonly SearchSource[]): Steps<SearchIndex> {
  const built: Entry[] = [];
  for (const source of sources) {
    const { terms, recency, ...item } = source;
    const summary: VerdictSummary = {
      id: item.id,
      title: item.title,
      panelShip: item.panelShip,
      toolId: item.toolId,
      toolName: item.toolName,
    };
    const keys = [...new Set([item.title, item.toolName, ...terms].map(normalize))].filter(
      (k) => k !== '',
    );
    const time = item.publishedAt ? Date.parse(item.publishedAt) : Number.NEGATIVE_INFINITY;
    built.push({ item, summary, keys, band: bandOf(item.panelShip), time, recency });
    if (built.length % STEP_ITEMS === 0) yield;
  }
  const entries = yield* sortInSteps(
    built,
    (a, b) => byText(a.keys[0] ?? '', b.keys[0] ?? '') || byText(a.item.id, b.item.id),
  );
  const unsortedKeys = entries.flatMap((entry, index) => entry.keys.map((key) => ({ key, index })));
  yield;
  const sortedKeys = yield* sortInSteps(
    unsortedKeys,
    (a, b) => byText(a.key, b.key) || a.index - b.index,
  );

  const positions = entries.map((_, i) => i);
  const orders: Record<Exclude<BrowseSort, 'relevance'>, readonly number[]> = {
    name: positions,
    ship: yield* sortInSteps(
      positions,
      (a, b) => entries[b]!.item.panelShip - entries[a]!.item.panelShip || a - b,
    ),
    // Dated verdicts newest first, then the undated ones by their place among their tool's.
    date: yield* sortInSteps(
      positions,
      (a, b) =>
        entries[b]!.time - entries[a]!.time || entries[b]!.recency - entries[a]!.recency || a - b,
    ),
  };
  const labels = (pick: (item: VerdictListItem) => string) =>
    [...new Set(entries.map((e) => pick(e.item)))].sort(byText);
  const categories = labels((item) => item.category);
  const entryLabels = labels((item) => item.entry);

  const search = (query: string, limit = DEFAULT_SEARCH_LIMIT): VerdictSummary[] => {
    const max = clamp(limit, MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT);
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
    for (let index = 0; index < entries.length && wordStart.length < room; index++) {
      if (taken.has(index)) continue;
      const r = rank(entries[index]!.keys, q);
      if (r >= 2) wordStart.push(entries[index]!.summary);
      else if (r === 1 && inside.length < room) inside.push(entries[index]!.summary);
    }
    return [...hits, ...wordStart, ...inside].slice(0, max);
  };

  const browse = (request: BrowseQuery): BrowseResult => {
    const q = normalize(request.query);
    const limit = clamp(request.limit, MAX_BROWSE_LIMIT, 50);
    const offset = Math.max(0, Math.floor(request.offset) || 0);
    const keep = (e: Entry) =>
      (request.category === undefined || e.item.category === request.category) &&
      (request.entry === undefined || e.item.entry === request.entry) &&
      (request.band === undefined || e.band === request.band);
    let matched: number[];
    if (request.sort === 'relevance' && q !== '') {
      // Better matches first; within a rank, the name order the positions already have.
      const byRank: number[][] = [[], [], [], []];
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        if (!keep(e)) continue;
        const r = rank(e.keys, q);
        if (r > 0) byRank[r]!.push(i);
      }
      matched = [...byRank[3]!, ...byRank[2]!, ...byRank[1]!];
    } else {
      const order = orders[request.sort === 'relevance' ? 'name' : request.sort];
      matched = order.filter(
        (i) => keep(entries[i]!) && (q === '' || rank(entries[i]!.keys, q) > 0),
      );
    }
    return {
      total: matched.length,
      items: matched.slice(offset, offset + limit).map((i) => entries[i]!.item),
      categories,
      entries: entryLabels,
    };
  };

  return { size: entries.length, search, browse };
}

/** The same at once (tests). */
export const buildSearchIndex = (sources: readonly SearchSource[]): SearchIndex =>
  runNow(searchIndexSteps(sources));

/** What the index is built from, plus a token that changes whenever a dataset is installed. */
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
    const byId = new Map(tools.map((t) => [t.id, t]));
    const sources = verdicts.map((v) => searchSource(v, byId.get(v.toolId)));
    return { token: meta ? datasetToken(meta) : null, sources };
  });
}

function searchSource(v: VerdictRow, tool: ToolRow | undefined): SearchSource {
  const match = tool?.match;
  return {
    id: v.id,
    title: v.title,
    panelShip: v.panelShip,
    toolId: v.toolId,
    toolName: tool?.name ?? v.toolId,
    category: v.category ?? '',
    entry: v.entry ?? '',
    ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}),
    recency: v.recency,
    terms: [
      ...(tool?.aliases ?? []),
      v.id,
      v.toolId,
      ...(match?.github ?? []),
      ...(match?.huggingface ?? []),
      ...(match?.domains ?? []),
    ],
  };
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
  browse(query: BrowseQuery): Promise<BrowseResult>;
}

/**
 * The background's search: the index is built lazily, once per worker life, and again only when
 * another dataset was installed (a sync or a reset), which the meta record tells.
 */
export function createSearchService(live: () => VerdictDb): SearchService {
  type Built = { token: string | null; index: SearchIndex };
  let cached: Promise<Built> | null = null;

  const load = (): Promise<Built> => {
    // In slices: at 100,000 verdicts the build takes about a second, and lookups must not wait.
    const loading = loadSearchEntries(live()).then(async (l) => ({
      token: l.token,
      index: await runYielding(searchIndexSteps(l.sources)),
    }));
    // A failed build is forgotten, so the next search tries again.
    loading.catch(() => {
      if (cached === loading) cached = null;
    });
    return loading;
  };

  const current = async (): Promise<SearchIndex> => {
    const meta = await live().meta.get('current');
    const token = meta ? datasetToken(meta) : null;
    const seen = cached;
    let built = seen ? await seen.catch(() => null) : null;
    if (!built || built.token !== token) {
      // Only the first search to notice a new dataset rebuilds; the others wait for it.
      if (cached === seen || cached === null) cached = load();
      built = await cached;
    }
    return built.index;
  };

  return {
    search: async (query, limit = DEFAULT_SEARCH_LIMIT) => (await current()).search(query, limit),
    browse: async (query) => (await current()).browse(query),
  };
}
