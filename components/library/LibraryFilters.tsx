import { i18n } from '#i18n';
import { useId } from 'react';
import type { Band } from '../../lib/model/band';
import type { LibraryQuery } from '../../lib/ui/library-query';

interface Props {
  value: LibraryQuery;
  categories: readonly string[];
  entries: readonly string[];
  onChange: (next: LibraryQuery) => void;
}

const SORTS: { value: LibraryQuery['sort']; label: () => string }[] = [
  { value: 'relevance', label: () => i18n.t('library.sortRelevance') },
  { value: 'ship', label: () => i18n.t('library.sortShip') },
  { value: 'date', label: () => i18n.t('library.sortDate') },
  { value: 'name', label: () => i18n.t('library.sortName') },
];

/** Search box, filters (category, band, entry) and sort order of the library. */
export function LibraryFilters({ value, categories, entries, onChange }: Props) {
  const id = useId();
  const set = (patch: Partial<LibraryQuery>) => onChange({ ...value, ...patch });
  const select = (
    key: 'category' | 'band' | 'entry',
    label: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <div className="vl-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        className="vl-select"
        value={value[key] ?? ''}
        onChange={(e) => set({ [key]: e.target.value === '' ? null : e.target.value })}
      >
        <option value="">{i18n.t('library.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const asOptions = (labels: readonly string[]) => labels.map((l) => ({ value: l, label: l }));
  const bands = (['ship', 'mixed', 'skip'] as Band[]).map((b) => ({
    value: b,
    label: i18n.t(`band.${b}`),
  }));

  return (
    <div role="search" className="vl-lib-filters" aria-label={i18n.t('library.filters')}>
      <div className="vl-field vl-lib-search">
        <label htmlFor={`${id}-q`}>{i18n.t('library.search')}</label>
        <input
          id={`${id}-q`}
          className="vl-input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={i18n.t('library.searchHint')}
          value={value.query}
          onChange={(e) => set({ query: e.target.value })}
        />
      </div>
      {select('category', i18n.t('library.category'), asOptions(categories))}
      {select('band', i18n.t('library.leans'), bands)}
      {select('entry', i18n.t('library.entry'), asOptions(entries))}
      <div className="vl-field">
        <label htmlFor={`${id}-sort`}>{i18n.t('library.sortBy')}</label>
        <select
          id={`${id}-sort`}
          className="vl-select"
          value={value.sort}
          onChange={(e) => set({ sort: e.target.value as LibraryQuery['sort'] })}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label()}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
