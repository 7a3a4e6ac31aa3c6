import type { ReviewerId } from '../../lib/feed/schema';

/**
 * The scorecard names no reviewers: a tool's first three quotes are builder, skeptic and futurist
 * by position, and the fourth seat goes to whichever of product / creator / business reviewed it.
 * Each persona argues from its own vocabulary (lib/model/reviewers.ts `focus`), so keyword scoring
 * tells them apart; weights favour the words that are almost a signature of one persona.
 */

export type LateReviewerId = Extract<ReviewerId, 'product' | 'creator' | 'business'>;

/** Panel order, which is also the tie order. */
export const LATE_REVIEWERS: readonly LateReviewerId[] = ['product', 'creator', 'business'];

type Keywords = readonly (readonly [pattern: string, weight: number])[];

// Patterns are regex sources matched case-insensitively from a word start; most are stems.
// prettier-ignore
const KEYWORDS: Record<LateReviewerId, Keywords> = {
  product: [
    ['job[- ]to[- ]be[- ]done', 3], ['jtbd\\b', 3], ['onboard', 2], ['missing', 2], ['gap', 2],
    ['workflow', 1], ['users?\\b', 1], ['ux\\b', 1], ['friction', 1], ['adoption', 1],
    ['use[- ]case', 1], ['feature', 1], ['retention', 1], ['activation', 1], ['product', 1],
    ['opinionated', 1], ['first[- ]run', 1], ['polish', 1],
  ],
  creator: [
    ['creative', 3], ['creator', 3], ['indie', 2], ['artist', 2], ['music', 2], ['audio', 2],
    ['video', 2], ['diffusion', 2], ['access', 2], ['democrati', 2], ['brief', 1], ['art\\b', 1],
    ['image', 1], ['film', 1], ['design', 1], ['storytell', 1], ['writer', 1], ['hobby', 1],
    ['solo', 1], ['fine[- ]tun', 1], ['voice', 1], ['animat', 1], ['photo', 1],
    ['non-?technical', 1], ['no[- ]code', 1],
  ],
  business: [
    ['buyer', 3], ['moat', 3], ['unit economics', 3], ['revenue', 2], ['pric', 2], ['margin', 2],
    ['enterprise', 2], ['roi\\b', 2], ['budget', 2], ['monetiz', 2], ['procurement', 2],
    ['go[- ]to[- ]market', 2], ['gtm\\b', 2], ['switching cost', 2], ['market', 1], ['sales\\b', 1],
    ['contract', 1], ['valuation', 1], ['subscription', 1], ['seats?\\b', 1], ['spend', 1],
    ['cost', 1], ['profit', 1], ['b2b\\b', 1], ['churn', 1], ['arr\\b', 1], ['investor', 1],
    ['lock[- ]in', 1], ['cfo\\b', 1], ['cio\\b', 1],
  ],
};

type Compiled = readonly (readonly [pattern: RegExp, weight: number])[];

const compile = (keywords: Keywords): Compiled =>
  keywords.map(([pattern, weight]) => [new RegExp(`\\b${pattern}`, 'gi'), weight] as const);

const COMPILED: Record<LateReviewerId, Compiled> = {
  product: compile(KEYWORDS.product),
  creator: compile(KEYWORDS.creator),
  business: compile(KEYWORDS.business),
};

export interface Classification {
  reviewerId: LateReviewerId;
  /** Weighted keyword hits per candidate. */
  scores: Partial<Record<LateReviewerId, number>>;
  /** False when no keyword matched and the seat was given by the tie rule alone. */
  confident: boolean;
}

function score(quote: string, id: LateReviewerId): { total: number; distinct: number } {
  let total = 0;
  let distinct = 0;
  for (const [pattern, weight] of COMPILED[id]) {
    const hits = quote.match(pattern)?.length ?? 0;
    total += hits * weight;
    if (hits > 0) distinct += 1;
  }
  return { total, distinct };
}

/**
 * Picks the reviewer among `candidates` (default: all three) whose vocabulary the quote uses most.
 * Tie rule: the higher weighted score wins, then the one with more distinct keywords (breadth
 * beats one word repeated), then panel order (product, creator, business), so the result is
 * deterministic and an unmarked quote takes the first free late seat, as the site lists them.
 */
export function classifyReviewer(
  quote: string,
  candidates: readonly LateReviewerId[] = LATE_REVIEWERS,
): Classification {
  const ordered = LATE_REVIEWERS.filter((id) => candidates.includes(id));
  if (ordered.length === 0) throw new Error('classifyReviewer: no candidate reviewers');
  const scores: Partial<Record<LateReviewerId, number>> = {};
  let best: { id: LateReviewerId; total: number; distinct: number } | undefined;
  for (const id of ordered) {
    const { total, distinct } = score(quote, id);
    scores[id] = total;
    if (!best || total > best.total || (total === best.total && distinct > best.distinct)) {
      best = { id, total, distinct };
    }
  }
  return { reviewerId: best!.id, scores, confident: best!.total > 0 };
}
