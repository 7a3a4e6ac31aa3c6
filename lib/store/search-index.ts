import type { VerdictSummary } from '../model/answers';
import { runNow, type Steps } from '../model/steps';
import type { VerdictDb } from './db';
import { emptySearchRow, searchRowSteps } from './search-pack';
import {
  DEFAULT_SEARCH_LIMIT,
  packedSearchIndex,
  type BrowseQuery,
  type BrowseResult,
  type SearchIndex,
} from './search-query';
import type { SearchSource } from './search-source';
import { datasetToken, readSearchIndex } from './search-store';

// The search the background answers with: the packed index (rows.ts SearchIndexRow) is built
// with every install and change (search-pack.ts), read once per worker life and searched in
// place (search-query.ts).
export { normalize, type SearchSource } from './search-source';
export {
  DEFAULT_SEARCH_LIMIT,
  MAX_BROWSE_LIMIT,
  MAX_SEARCH_LIMIT,
  type BrowseQuery,
  type BrowseResult,
  type BrowseSort,
  type SearchIndex,
} from './search-query';
export { loadSearchEntries } from './search-store';

/** An index over these verdicts, in steps (tests; the worker reads the stored one). */
export function* searchIndexSteps(sources: readonly SearchSource[]): Steps<SearchIndex> {
  return packedSearchIndex(yield* searchRowSteps(sources));
}

/** The same at once. */
export const buildSearchIndex = (sources: readonly SearchSource[]): SearchIndex =>
  runNow(searchIndexSteps(sources));

export interface SearchService {
  search(query: string, limit?: number): Promise<VerdictSummary[]>;
  browse(query: BrowseQuery): Promise<BrowseResult>;
}

/**
 * The background's search: the stored index is read on the first search of a worker's life
 * (one read: a few strings and typed arrays, nothing to rebuild), and again only when another
 * dataset was installed or changed (a sync or a reset), which the meta record tells.
 */
export function createSearchService(live: () => VerdictDb): SearchService {
  type Loaded = { token: string | null; index: SearchIndex };
  let cached: Promise<Loaded> | null = null;

  const load = (): Promise<Loaded> => {
    const loading = readSearchIndex(live()).then(({ token, rows }) => ({
      token,
      index: packedSearchIndex(rows.length > 0 ? rows : emptySearchRow()),
    }));
    // A failed read is forgotten, so the next search tries again.
    loading.catch(() => {
      if (cached === loading) cached = null;
    });
    return loading;
  };

  const current = async (): Promise<SearchIndex> => {
    const meta = await live().meta.get('current');
    const token = meta ? datasetToken(meta) : null;
    const seen = cached;
    let loaded = seen ? await seen.catch(() => null) : null;
    if (!loaded || loaded.token !== token) {
      // Only the first search to notice a new dataset reads it; the others wait for it.
      if (cached === seen || cached === null) cached = load();
      loaded = await cached;
    }
    return loaded.index;
  };

  return {
    search: async (query, limit = DEFAULT_SEARCH_LIMIT) => (await current()).search(query, limit),
    browse: async (query) => (await current()).browse(query),
  };
}
