import { useId } from 'react';
import type { Band } from '../../lib/model/band';
import { BAND_LABEL } from '../../lib/model/band';
import type { LibraryQuery } from '../../lib/ui/library-query';

interface Props {
  value: LibraryQuery;
  categories: readonly string[];
  entries: readonly string[];
  onChange: (next: LibraryQuery) => void;
}

const SORTS: { value: LibraryQuery['sort']; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'ship', label: 'Ship score' },
  { value: 'date', label: 'Newest' },
  { value: 'name', label: 'Name' },
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
        <option value="">All</option>
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
    label: BAND_LABEL[b],
  }));

  return (
    <div role="search" className="vl-lib-filters" aria-label="Search and filter verdicts">
      <div className="vl-field vl-lib-search">
        <label htmlFor={`${id}-q`}>Search verdicts</label>
        <input
          id={`${id}-q`}
          className="vl-input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="Name, alias, repository or domain"
          value={value.query}
          onChange={(e) => set({ query: e.target.value })}
        />
      </div>
      {select('category', 'Category', asOptions(categories))}
      {select('band', 'Panel leans', bands)}
      {select('entry', 'Entry', asOptions(entries))}
      <div className="vl-field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select
          id={`${id}-sort`}
          className="vl-select"
          value={value.sort}
          onChange={(e) => set({ sort: e.target.value as LibraryQuery['sort'] })}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
