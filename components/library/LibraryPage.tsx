import { i18n } from '#i18n';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VerdictListItem } from '../../lib/model/answers';
import { send } from '../../lib/messaging/protocol';
import {
  browseRequest,
  libraryQueryFromSearch,
  librarySearch,
  resultText,
  type LibraryQuery,
} from '../../lib/ui/library-query';
import { LibraryFilters } from './LibraryFilters';
import { LibraryRow } from './LibraryRow';

/** Rows asked for at a time; the list renders only the ones on screen. */
const PAGE = 100;
const ROW_HEIGHT = 76;

interface Listing {
  /** The query this listing answers (its URL form). */
  key: string;
  total: number;
  categories: string[];
  entries: string[];
  pages: ReadonlyMap<number, VerdictListItem[]>;
}

/** The latest answer, for the query it answers; an older one stays on screen while a newer loads. */
type Loaded = { listing: Listing; error?: undefined } | { key: string; error: string };

/** library.html: every verdict in the dataset, searched, filtered and sorted; bookmarkable. */
export function LibraryPage() {
  const [query, setQuery] = useState<LibraryQuery>(() => libraryQueryFromSearch(location.search));
  const key = librarySearch(query);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const asked = useRef(new Set<number>());
  const [list, setList] = useState<HTMLDivElement | null>(null);

  /** The query asked last: pages are asked once per query, and older queries' answers dropped. */
  const latest = useRef('');

  const load = useCallback(async (q: LibraryQuery, page: number) => {
    const k = librarySearch(q);
    // A new query starts over: going back to an earlier one (typing, then deleting) asks again.
    if (latest.current !== k) {
      latest.current = k;
      asked.current.clear();
    }
    if (asked.current.has(page)) return;
    asked.current.add(page);
    const reply = await send({ type: 'browseVerdicts', ...browseRequest(q, page * PAGE, PAGE) });
    // Typed on meanwhile: this answer is for a query no longer shown.
    if (latest.current !== k) return;
    if (!reply.ok) asked.current.delete(page);
    setLoaded((prev) => {
      if (!reply.ok) return { key: k, error: reply.error.message };
      // Pages of the same query add up; another query's answer starts a new listing.
      const previous = prev && prev.error === undefined ? prev.listing : null;
      const same = previous?.key === k;
      const pages = new Map<number, VerdictListItem[]>(same ? previous.pages : []);
      pages.set(page, reply.data.items);
      const { total, categories, entries } = reply.data;
      return { listing: { key: k, total, categories, entries, pages } };
    });
  }, []);

  useEffect(() => {
    if (key !== location.search)
      history.replaceState(history.state, '', `${location.pathname}${key}`);
    void load(query, 0);
  }, [key, query, load]);

  const listing = loaded && loaded.error === undefined ? loaded.listing : null;
  const current = listing?.key === key ? listing : null;
  const failed = loaded?.error !== undefined && loaded.key === key ? loaded.error : null;
  const total = current?.total ?? 0;

  const virtualizer = useWindowVirtualizer({
    count: total,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: list?.offsetTop ?? 0,
  });
  const rows = virtualizer.getVirtualItems();

  // Ask for the pages the visible rows are in.
  const first = rows[0]?.index;
  const last = rows.at(-1)?.index;
  useEffect(() => {
    if (!current || first === undefined || last === undefined) return;
    for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++)
      if (!current.pages.has(page)) void load(query, page);
  }, [current, first, last, query, load]);

  const status = failed
    ? i18n.t('library.failed', { error: failed })
    : current
      ? resultText(total, query)
      : i18n.t('library.loading');

  return (
    <main className="vl-page">
      <h1>{i18n.t('library.title')}</h1>
      <p className="vl-intro">{i18n.t('library.intro')}</p>
      <LibraryFilters
        value={query}
        categories={listing?.categories ?? []}
        entries={listing?.entries ?? []}
        onChange={setQuery}
      />
      <p className={failed ? 'vl-error' : 'vl-lib-count'} role="status" aria-live="polite">
        {status}
      </p>
      <div
        ref={setList}
        className="vl-lib-list"
        role="feed"
        aria-label={i18n.t('library.feed')}
        aria-busy={!current}
        style={{ height: current ? virtualizer.getTotalSize() : undefined }}
      >
        {current &&
          rows.map((row) => {
            const item = current.pages.get(Math.floor(row.index / PAGE))?.[row.index % PAGE];
            return (
              <div
                key={row.key}
                className="vl-lib-slot"
                style={{
                  transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
                }}
              >
                {item ? (
                  <LibraryRow item={item} position={row.index + 1} size={total} />
                ) : (
                  <div className="vl-lib-row vl-muted" aria-hidden="true">
                    {i18n.t('library.loadingRow')}
                  </div>
                )}
              </div>
            );
          })}
      </div>
    </main>
  );
}
