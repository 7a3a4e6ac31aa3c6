import type { Reviewer, ReviewerId, Verdict } from '../feed/schema';
import { PERSONAS, PERSONA_ORDER } from './reviewers';

/**
 * "The quotes of the reviewers I follow": one rule for the popover and the compare view. The
 * reviewers are the ones chosen in the options, in the panel's order, named as the dataset names
 * them, or as the built-in personas do where the dataset has no entry for one (`builtIn`: the
 * pages pass them in the UI's language, lib/ui/personas.ts).
 */
export function followedReviewers(
  chosen: readonly ReviewerId[],
  datasetReviewers: readonly Reviewer[] = [],
  builtIn: readonly Reviewer[] = PERSONAS,
): Reviewer[] {
  const known = new Map<ReviewerId, Reviewer>(builtIn.map((p) => [p.id, p]));
  for (const r of datasetReviewers) known.set(r.id, r);
  const wanted = new Set(chosen);
  return PERSONA_ORDER.filter((id) => wanted.has(id)).map((id) => known.get(id)!);
}

/** The reviewer's quote in a verdict, or null where there is none (or no verdict). */
export const quoteOf = (verdict: Pick<Verdict, 'reviews'> | null, id: ReviewerId): string | null =>
  verdict?.reviews.find((r) => r.reviewerId === id)?.quote ?? null;

/** The followed reviewers who reviewed this verdict, with their quotes. */
export function followedQuotes(
  chosen: readonly ReviewerId[],
  verdict: Pick<Verdict, 'reviews'>,
  datasetReviewers: readonly Reviewer[] = [],
  builtIn: readonly Reviewer[] = PERSONAS,
): { reviewer: Reviewer; quote: string }[] {
  return followedReviewers(chosen, datasetReviewers, builtIn).flatMap((reviewer) => {
    const quote = quoteOf(verdict, reviewer.id);
    return quote === null ? [] : [{ reviewer, quote }];
  });
}
