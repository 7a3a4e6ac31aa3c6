import { describe, expect, it } from 'vitest';
import type { Reviewer } from '../../../lib/feed/schema';
import { followedQuotes, followedReviewers, quoteOf } from '../../../lib/model/followed-reviews';
import { PERSONAS } from '../../../lib/model/reviewers';

const verdict = {
  reviews: [
    { reviewerId: 'skeptic', quote: 'Synthetic skeptic quote.' },
    { reviewerId: 'builder', quote: 'Synthetic builder quote.' },
    { reviewerId: 'business', quote: 'Synthetic business quote.' },
  ] as const,
};
const datasetReviewers: Reviewer[] = [
  { id: 'builder', name: 'Synthetic Builder', focus: 'Synthetic focus' },
  { id: 'skeptic', name: 'Synthetic Skeptic', focus: 'Synthetic focus' },
];

describe('followedReviewers', () => {
  it('keeps the panel order whatever order they were chosen in', () => {
    expect(followedReviewers(['business', 'builder', 'skeptic']).map((r) => r.id)).toEqual([
      'builder',
      'skeptic',
      'business',
    ]);
  });

  it('names reviewers as the dataset does, and as the personas do where it has none', () => {
    const named = followedReviewers(['builder', 'business'], datasetReviewers);
    expect(named[0]!.name).toBe('Synthetic Builder');
    expect(named[1]).toEqual(PERSONAS.find((p) => p.id === 'business'));
  });
});

describe('followedQuotes', () => {
  it('gives the same reviewers the compare view shows, only those with a quote', () => {
    const quotes = followedQuotes(
      ['business', 'builder', 'futurist', 'skeptic'],
      { reviews: [...verdict.reviews] },
      datasetReviewers,
    );
    expect(quotes.map((q) => [q.reviewer.name, q.quote])).toEqual([
      ['Synthetic Builder', 'Synthetic builder quote.'],
      ['Synthetic Skeptic', 'Synthetic skeptic quote.'],
      ['Business', 'Synthetic business quote.'],
    ]);
  });

  it('is empty when no followed reviewer reviewed it', () => {
    expect(followedQuotes(['futurist'], { reviews: [...verdict.reviews] })).toEqual([]);
  });
});

describe('quoteOf', () => {
  it('finds a reviewer’s quote, or null', () => {
    expect(quoteOf({ reviews: [...verdict.reviews] }, 'builder')).toBe('Synthetic builder quote.');
    expect(quoteOf({ reviews: [...verdict.reviews] }, 'creator')).toBeNull();
    expect(quoteOf(null, 'builder')).toBeNull();
  });
});
