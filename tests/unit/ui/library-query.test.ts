import { describe, expect, it } from 'vitest';
import {
  browseRequest,
  DEFAULT_LIBRARY_QUERY,
  libraryQueryFromSearch,
  librarySearch,
  resultText,
} from '../../../lib/ui/library-query';

describe('library query', () => {
  it('round-trips through the URL', () => {
    const q = {
      query: 'ml intern',
      category: 'Developer Tools',
      band: 'ship',
      entry: 'Paid',
      sort: 'date',
    } as const;
    expect(libraryQueryFromSearch(librarySearch(q))).toEqual(q);
    expect(librarySearch(DEFAULT_LIBRARY_QUERY)).toBe('');
  });

  it('falls back on values it does not know', () => {
    expect(libraryQueryFromSearch('?band=great&sort=random&category=%20%20')).toEqual(
      DEFAULT_LIBRARY_QUERY,
    );
    expect(libraryQueryFromSearch(`?category=${'x'.repeat(101)}`).category).toBeNull();
  });

  it('asks for a window, leaving unset filters out', () => {
    expect(browseRequest({ ...DEFAULT_LIBRARY_QUERY, band: 'skip' }, 100, 50)).toEqual({
      query: '',
      band: 'skip',
      sort: 'relevance',
      offset: 100,
      limit: 50,
    });
  });

  it('says how many match, or why none does', () => {
    expect(resultText(1, DEFAULT_LIBRARY_QUERY)).toBe('1 verdict');
    expect(resultText(12345, DEFAULT_LIBRARY_QUERY)).toBe('12,345 verdicts');
    expect(resultText(0, { ...DEFAULT_LIBRARY_QUERY, query: ' zed ' })).toBe(
      'No verdict matches “zed”.',
    );
    expect(resultText(0, DEFAULT_LIBRARY_QUERY)).toBe('No verdict matches these filters.');
  });
});
