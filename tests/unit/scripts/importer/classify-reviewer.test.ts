import { describe, expect, it } from 'vitest';
import { classifyReviewer } from '../../../../scripts/importer/classify-reviewer';
import { CURSOR, ML_INTERN } from './shared-page';

describe('classifyReviewer', () => {
  it('the shared page: Cursor’s fourth quote is product, ml-intern’s is creator', () => {
    expect(classifyReviewer(CURSOR.reviews[3]!.quote)).toMatchObject({
      reviewerId: 'product',
      confident: true,
    });
    expect(classifyReviewer(ML_INTERN.reviews[3]!.quote)).toMatchObject({
      reviewerId: 'creator',
      confident: true,
    });
  });

  it.each([
    [
      'The job to be done is clear, but onboarding has a gap: users never see the missing diff view.',
      'product',
    ],
    [
      'Indie musicians and video artists finally get access to this; a creative brief is all it takes.',
      'creator',
    ],
    [
      'The buyer is the enterprise platform team; the moat is thin and unit economics depend on pricing.',
      'business',
    ],
    ['ROI shows up in the first budget cycle, and margins hold at this revenue.', 'business'],
  ])('%s → %s', (quote, expected) => {
    expect(classifyReviewer(quote).reviewerId).toBe(expected);
  });

  it('counts stems case-insensitively and reports every candidate’s score', () => {
    const result = classifyReviewer('MONETIZATION and Pricing, not Onboarding.');
    expect(result.reviewerId).toBe('business');
    expect(result.scores).toEqual({ product: 2, creator: 0, business: 4 });
  });

  it('only picks among the candidates it is given', () => {
    expect(
      classifyReviewer(ML_INTERN.reviews[3]!.quote, ['product', 'business']).reviewerId,
    ).not.toBe('creator');
  });

  it('tie rule: equal scores go to more distinct keywords, then to panel order', () => {
    // product: "gap" ×2 = 4 (one keyword); business: "revenue" + "pricing" = 4 (two keywords)
    expect(classifyReviewer('gap gap revenue pricing').reviewerId).toBe('business');
    // product: "missing" = 2; creator: "indie" = 2; one keyword each: panel order decides
    expect(classifyReviewer('missing indie').reviewerId).toBe('product');
    expect(classifyReviewer('missing indie', ['creator', 'product']).reviewerId).toBe('product');
  });

  it('no wording at all: first candidate in panel order, flagged as not confident', () => {
    expect(classifyReviewer('Ship it.')).toEqual({
      reviewerId: 'product',
      scores: { product: 0, creator: 0, business: 0 },
      confident: false,
    });
    expect(classifyReviewer('Ship it.', ['business', 'creator']).reviewerId).toBe('creator');
  });
});
