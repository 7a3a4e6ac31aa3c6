import { i18n } from '#i18n';
import { numberText } from './locale';
import type { Band } from '../model/band';
import type { BrowseRequest } from '../messaging/protocol';

/** What the library shows: the search, the filters and the order, kept in its URL. */
export interface LibraryQuery {
  query: string;
  category: string | null;
  band: Band | null;
  entry: string | null;
  sort: BrowseRequest['sort'];
}

export const DEFAULT_LIBRARY_QUERY: LibraryQuery = {
  query: '',
  category: null,
  band: null,
  entry: null,
  sort: 'relevance',
};

const BANDS: readonly Band[] = ['ship', 'mixed', 'skip'];
const SORTS: readonly BrowseRequest['sort'][] = ['relevance', 'ship', 'date', 'name'];
const MAX = { query: 200, label: 100 };

const text = (value: string | null, max: number): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || trimmed.length > max ? null : trimmed;
};

/** `?q=…&category=…&band=…&entry=…&sort=…` → the query; anything unknown falls back. */
export function libraryQueryFromSearch(search: string): LibraryQuery {
  const params = new URLSearchParams(search);
  const band = params.get('band') as Band | null;
  const sort = params.get('sort') as BrowseRequest['sort'] | null;
  return {
    query: (params.get('q') ?? '').slice(0, MAX.query),
    category: text(params.get('category'), MAX.label),
    band: band && BANDS.includes(band) ? band : null,
    entry: text(params.get('entry'), MAX.label),
    sort: sort && SORTS.includes(sort) ? sort : DEFAULT_LIBRARY_QUERY.sort,
  };
}

/** The query string for a query, leaving out what is at its default. */
export function librarySearch(q: LibraryQuery): string {
  const params = new URLSearchParams();
  if (q.query !== '') params.set('q', q.query);
  if (q.category) params.set('category', q.category);
  if (q.band) params.set('band', q.band);
  if (q.entry) params.set('entry', q.entry);
  if (q.sort !== DEFAULT_LIBRARY_QUERY.sort) params.set('sort', q.sort);
  const out = params.toString();
  return out === '' ? '' : `?${out}`;
}

/** The message asking for one window of the list. */
export function browseRequest(q: LibraryQuery, offset: number, limit: number): BrowseRequest {
  return {
    query: q.query,
    ...(q.category ? { category: q.category } : {}),
    ...(q.band ? { band: q.band } : {}),
    ...(q.entry ? { entry: q.entry } : {}),
    sort: q.sort,
    offset,
    limit,
  };
}

/** "3 verdicts", "1 verdict", "No verdict matches “x”." */
export function resultText(total: number, q: LibraryQuery): string {
  if (total === 0)
    return q.query.trim() !== ''
      ? i18n.t('library.noneFor', { query: q.query.trim() })
      : i18n.t('library.none');
  return i18n.t('library.count', total, [numberText(total)]);
}
