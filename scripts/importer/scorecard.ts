import type { ReviewerId } from '../../lib/feed/schema';
import { classifyReviewer, LATE_REVIEWERS, type LateReviewerId } from './classify-reviewer';
import { PageError } from './page-error';

export interface ParsedReview {
  reviewerId: ReviewerId;
  quote: string;
}

const SCORECARD = /^reviewer\s+scorecard\b/i;
const OPEN = '“';
const CLOSE = '”';
/** The seats a tool's first quotes take, by position. */
const FIXED_SEATS: readonly ReviewerId[] = ['builder', 'skeptic', 'futurist'];

export function findScorecard(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (SCORECARD.test(lines[i]!)) return i;
  return -1;
}

// Longest line taken for a label above a quote (a reviewer name, a score) rather than the footer.
const MAX_LABEL = 40;

/**
 * The “…” quotes after the scorecard heading, in page order, without their marks. The quotes are
 * one run: it may be interleaved with short labels, and the first other line ends it, so a
 * footer (even one quoting a reader) is never read as a review. A quote may span lines (joined
 * with "\n"); one that never closes means the page was cut off.
 */
export function readQuotes(lines: readonly string[], from: number): string[] {
  const quotes: string[] = [];
  const isQuoteStart = (i: number): boolean => lines[i]?.startsWith(OPEN) ?? false;
  for (let i = from; i < lines.length; i++) {
    if (!isQuoteStart(i)) {
      if (quotes.length === 0 || (lines[i]!.length <= MAX_LABEL && isQuoteStart(i + 1))) continue;
      break;
    }
    const number = quotes.length + 1;
    const parts: string[] = [];
    let text = lines[i]!.slice(OPEN.length);
    while (!text.endsWith(CLOSE)) {
      parts.push(text);
      i += 1;
      if (i >= lines.length || isQuoteStart(i)) {
        throw new PageError(`quote ${number} is not closed with ${CLOSE} (page cut off?)`);
      }
      text = lines[i]!;
    }
    parts.push(text.slice(0, -CLOSE.length));
    const quote = parts.join('\n').trim();
    if (quote === '') throw new PageError(`quote ${number} is empty`);
    quotes.push(quote);
  }
  return quotes;
}

/** Gives one tool's quotes their reviewer seats, in panel order. */
export function assignReviewers(
  quotes: readonly string[],
  tool: number,
  warnings: string[],
): ParsedReview[] {
  const free: LateReviewerId[] = [...LATE_REVIEWERS];
  return quotes.map((quote, i) => {
    const fixed = FIXED_SEATS[i];
    if (fixed !== undefined) return { reviewerId: fixed, quote };
    if (free.length === 0) {
      throw new PageError(
        `tool ${tool} has ${quotes.length} quotes, more than the panel's ${FIXED_SEATS.length + LATE_REVIEWERS.length} reviewers`,
      );
    }
    const { reviewerId, confident } = classifyReviewer(quote, free);
    free.splice(free.indexOf(reviewerId), 1);
    if (!confident) {
      warnings.push(
        `tool ${tool}, quote ${i + 1}: no product/creator/business wording; assigned to ${reviewerId} by panel order`,
      );
    }
    return { reviewerId, quote };
  });
}
