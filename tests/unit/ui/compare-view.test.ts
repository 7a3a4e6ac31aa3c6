import { describe, expect, it } from 'vitest';
import {
  compareSummary,
  factRows,
  isStale,
  pairFromSearch,
  pairSearch,
  partnerOf,
  quoteRows,
  reviewerCount,
  staleNotice,
} from '../../../lib/ui/compare-view';
import type { Verdict } from '../../../lib/feed/schema';
import type { ToolAnswer, VerdictSummary } from '../../../lib/model/answers';

function verdict(over: Partial<Verdict> & Pick<Verdict, 'id' | 'title' | 'panelShip'>): Verdict {
  return {
    toolId: over.id,
    tagline: 'A tagline',
    category: 'Developer Tools',
    summary: '',
    community: null,
    entry: 'Free',
    reviews: [],
    ...over,
  };
}

const CURSOR = verdict({
  id: 'cursor-v0-50',
  toolId: 'cursor',
  title: 'Cursor v0.50',
  panelShip: 100,
  community: 62.5,
  entry: 'Paid',
  reviews: [
    { reviewerId: 'skeptic', quote: 'Cursor skeptic' },
    { reviewerId: 'builder', quote: 'Cursor builder' },
  ],
});
const INTERN = verdict({
  id: 'ml-intern',
  title: 'ml-intern',
  panelShip: 75,
  reviews: [{ reviewerId: 'builder', quote: 'Intern builder' }],
});

const summaryOf = (v: Verdict, toolName = v.title): VerdictSummary => ({
  id: v.id,
  title: v.title,
  panelShip: v.panelShip,
  toolId: v.toolId,
  toolName,
});

function answer(
  v: Verdict,
  toolName: string,
  comparisons: ToolAnswer['comparisons'] = [],
): ToolAnswer {
  return {
    tool: { id: v.toolId, name: toolName, match: { github: [], huggingface: [], domains: [] } },
    verdict: v,
    verdicts: [summaryOf(v, toolName)],
    comparisons,
    reviewers: [
      { id: 'builder', name: 'Builder', focus: 'From the dataset' },
      { id: 'skeptic', name: 'Skeptic', focus: 'Where it breaks' },
    ],
    dataset: { source: 'bundled', generatedAt: '2026-11-20T00:00:00Z' },
  };
}

describe('compareSummary', () => {
  it('names the verdict the panel ships more', () => {
    expect(compareSummary(CURSOR, INTERN)).toBe('The panel ships Cursor v0.50 more: 100% vs 75%.');
    expect(compareSummary(INTERN, CURSOR)).toBe('The panel ships Cursor v0.50 more: 100% vs 75%.');
  });

  it('says when the panel is split evenly', () => {
    expect(compareSummary(INTERN, { ...CURSOR, panelShip: 75 })).toBe(
      'The panel is split evenly: both 75%.',
    );
  });

  it('notices the same verdict on both sides', () => {
    expect(compareSummary(INTERN, INTERN)).toBe(
      'Both sides show the same verdict: ml-intern, 75% ship.',
    );
  });

  it('says nothing until both sides are picked', () => {
    expect(compareSummary(CURSOR, null)).toBeNull();
    expect(compareSummary(null, null)).toBeNull();
  });
});

describe('factRows', () => {
  it('lists the facts of both sides as text, in order', () => {
    const rows = factRows(answer(CURSOR, 'Cursor'), answer(INTERN, 'ml-intern'));
    expect(rows.map((r) => [r.label, r.a, r.b])).toEqual([
      ['Name', 'Cursor', 'ml-intern'],
      ['Tagline', 'A tagline', 'A tagline'],
      ['Category', 'Developer Tools', 'Developer Tools'],
      ['Panel ship', '100%', '75%'],
      ['Community', '63%', '—'],
      ['Entry', 'Paid', 'Free'],
      ['Reviewers', '2', '1'],
    ]);
  });

  it('leaves an unpicked side empty', () => {
    const rows = factRows(null, answer(INTERN, 'ml-intern'));
    expect(rows.every((r) => r.a === null && r.b !== null)).toBe(true);
  });
});

describe('quoteRows', () => {
  it('gives one row per chosen reviewer, in panel order, with both quotes', () => {
    const rows = quoteRows(['skeptic', 'builder', 'futurist'], CURSOR, INTERN);
    expect(rows.map((r) => [r.reviewer.id, r.a, r.b])).toEqual([
      ['builder', 'Cursor builder', 'Intern builder'],
      ['skeptic', 'Cursor skeptic', null],
      ['futurist', null, null],
    ]);
  });

  it('takes names from the dataset, else from the personas', () => {
    const rows = quoteRows(
      ['builder', 'business'],
      CURSOR,
      null,
      answer(CURSOR, 'Cursor').reviewers,
    );
    expect(rows[0]?.reviewer.focus).toBe('From the dataset');
    expect(rows[1]?.reviewer).toMatchObject({ id: 'business', name: 'Business' });
    expect(rows[1]?.b).toBeNull();
  });

  it('ignores duplicates', () => {
    expect(quoteRows(['builder', 'builder'], CURSOR, INTERN)).toHaveLength(1);
  });
});

describe('partnerOf', () => {
  it('is the first partner of the first comparison', () => {
    const a = answer(CURSOR, 'Cursor', [
      { id: 'c1', title: 'Cursor vs ml-intern', partners: [summaryOf(INTERN)] },
      {
        id: 'c2',
        title: 'Cursor vs Zed',
        partners: [{ ...summaryOf(INTERN), id: 'zed', title: 'Zed' }],
      },
    ]);
    expect(partnerOf(a)?.id).toBe('ml-intern');
  });

  it('skips comparisons without partners, and is null without any', () => {
    const a = answer(CURSOR, 'Cursor', [
      { id: 'c1', title: 'Empty', partners: [] },
      { id: 'c2', title: 'Cursor vs ml-intern', partners: [summaryOf(INTERN)] },
    ]);
    expect(partnerOf(a)?.id).toBe('ml-intern');
    expect(partnerOf(answer(CURSOR, 'Cursor'))).toBeNull();
  });
});

describe('reviewerCount', () => {
  it('counts distinct reviewers', () => {
    expect(reviewerCount(CURSOR)).toBe(2);
    expect(reviewerCount({ reviews: [] })).toBe(0);
  });
});

describe('pairs in the URL', () => {
  it('reads both sides, either side, or none', () => {
    expect(pairFromSearch('?a=cursor-v0-50&b=ml-intern')).toEqual({
      a: 'cursor-v0-50',
      b: 'ml-intern',
    });
    expect(pairFromSearch('?b=ml-intern')).toEqual({ a: null, b: 'ml-intern' });
    expect(pairFromSearch('?a=&b=%20')).toEqual({ a: null, b: null });
    expect(pairFromSearch('')).toEqual({ a: null, b: null });
    expect(pairFromSearch(`?a=${'x'.repeat(500)}`)).toEqual({ a: null, b: null });
  });

  it('writes what is picked and round-trips', () => {
    expect(pairSearch({ a: 'cursor-v0-50', b: 'ml-intern' })).toBe('?a=cursor-v0-50&b=ml-intern');
    expect(pairSearch({ a: 'x', b: null })).toBe('?a=x');
    expect(pairSearch({ a: null, b: null })).toBe('');
    const pair = { a: 'a-1', b: 'b-2' };
    expect(pairFromSearch(pairSearch(pair))).toEqual(pair);
  });
});

describe('stale data', () => {
  const now = new Date('2026-12-31T00:00:00Z');

  it('is stale after 30 days', () => {
    expect(isStale('2026-12-01T00:00:00Z', now)).toBe(false);
    expect(isStale('2026-11-30T23:00:00Z', now)).toBe(true);
    expect(isStale('garbage', now)).toBe(false);
    expect(isStale(null, now)).toBe(false);
  });

  it('says so with the date', () => {
    expect(staleNotice('2026-11-20T00:00:00Z', now, 'en-US')).toBe(
      'Data as of Nov 20, 2026 — may be out of date',
    );
    expect(staleNotice('2026-12-20T00:00:00Z', now, 'en-US')).toBeNull();
  });
});
