import { i18n } from '#i18n';
import { communityText, percent } from '../model/format';
import { dateText } from './locale';
import { personas } from './personas';
import { followedReviewers, quoteOf } from '../model/followed-reviews';
import type { Reviewer, ReviewerId, Verdict } from '../feed/schema';
import type { ToolAnswer, VerdictSummary } from '../model/answers';

/** A dataset older than this is flagged as possibly out of date. */
export const STALE_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The two sides of a comparison, as verdict ids; null where nothing is picked. */
export interface Pair {
  a: string | null;
  b: string | null;
}

const ID_MAX = 128;

/** `?a=cursor-v0-50&b=ml-intern` → the pair; empty or over-long values count as unpicked. */
export function pairFromSearch(search: string): Pair {
  const params = new URLSearchParams(search);
  const read = (key: string): string | null => {
    const value = params.get(key)?.trim() ?? '';
    return value === '' || value.length > ID_MAX ? null : value;
  };
  return { a: read('a'), b: read('b') };
}

/** The query string for a pair, leaving out unpicked sides: `?a=x&b=y`, `?a=x`, or ``. */
export function pairSearch(pair: Pair): string {
  const params = new URLSearchParams();
  if (pair.a) params.set('a', pair.a);
  if (pair.b) params.set('b', pair.b);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The comparison partner a tool's page suggests: the first partner of its first comparison. */
export function partnerOf(answer: ToolAnswer): VerdictSummary | null {
  for (const comparison of answer.comparisons) {
    const partner = comparison.partners.find((p) => p.id !== answer.verdict.id);
    if (partner) return partner;
  }
  return null;
}

/** How many of the panel reviewed the verdict. */
export const reviewerCount = (verdict: Pick<Verdict, 'reviews'>): number =>
  new Set(verdict.reviews.map((r) => r.reviewerId)).size;

type Side = Pick<Verdict, 'id' | 'title' | 'panelShip'>;

/** One line, from the data only: who the panel ships more, or that it is even. */
export function compareSummary(a: Side | null, b: Side | null): string | null {
  if (!a || !b) return null;
  if (a.id === b.id) return i18n.t('compare.same', { title: a.title, score: percent(a.panelShip) });
  if (a.panelShip === b.panelShip) return i18n.t('compare.even', { score: percent(a.panelShip) });
  const [more, less] = a.panelShip > b.panelShip ? [a, b] : [b, a];
  return i18n.t('compare.shipsMore', {
    more: more.title,
    moreScore: percent(more.panelShip),
    lessScore: percent(less.panelShip),
  });
}

export type FactKey =
  'name' | 'tagline' | 'category' | 'panelShip' | 'community' | 'entry' | 'reviewers';

export interface FactRow {
  key: FactKey;
  label: string;
  /** The side's value as text; null where no tool is picked. */
  a: string | null;
  b: string | null;
}

const FACTS: readonly {
  key: FactKey;
  label: () => string;
  text: (answer: ToolAnswer) => string;
}[] = [
  { key: 'name', label: () => i18n.t('fact.name'), text: (x) => x.tool.name },
  { key: 'tagline', label: () => i18n.t('fact.tagline'), text: (x) => x.verdict.tagline },
  { key: 'category', label: () => i18n.t('fact.category'), text: (x) => x.verdict.category },
  {
    key: 'panelShip',
    label: () => i18n.t('stat.panelShip'),
    text: (x) => percent(x.verdict.panelShip),
  },
  {
    key: 'community',
    label: () => i18n.t('stat.community'),
    text: (x) => communityText(x.verdict.community),
  },
  { key: 'entry', label: () => i18n.t('stat.entry'), text: (x) => x.verdict.entry },
  {
    key: 'reviewers',
    label: () => i18n.t('fact.reviewers'),
    text: (x) => String(reviewerCount(x.verdict)),
  },
];

/** The fact rows of the comparison table, in display order. */
export function factRows(a: ToolAnswer | null, b: ToolAnswer | null): FactRow[] {
  return FACTS.map(({ key, label, text }) => ({
    key,
    label: label(),
    a: a ? text(a) : null,
    b: b ? text(b) : null,
  }));
}

export interface QuoteRow {
  reviewer: Reviewer;
  /** The reviewer's quote on each side; null where there is none (or no tool is picked). */
  a: string | null;
  b: string | null;
}

/**
 * One row per followed reviewer (model/followed-reviews.ts), with both sides' quotes.
 */
export function quoteRows(
  chosen: readonly ReviewerId[],
  a: Pick<Verdict, 'reviews'> | null,
  b: Pick<Verdict, 'reviews'> | null,
  datasetReviewers: readonly Reviewer[] = [],
): QuoteRow[] {
  return followedReviewers(chosen, datasetReviewers, personas()).map((reviewer) => ({
    reviewer,
    a: quoteOf(a, reviewer.id),
    b: quoteOf(b, reviewer.id),
  }));
}

/** True when the dataset was generated more than STALE_AFTER_DAYS before `now`. */
export function isStale(
  generatedAt: string | null | undefined,
  now: Date,
  days = STALE_AFTER_DAYS,
): boolean {
  if (!generatedAt) return false;
  const at = Date.parse(generatedAt);
  return Number.isFinite(at) && now.getTime() - at > days * DAY_MS;
}

/** "Data as of Nov 20, 2026 — may be out of date", or null while the data is fresh. */
export function staleNotice(
  generatedAt: string | null | undefined,
  now: Date,
  locale: string,
): string | null {
  return isStale(generatedAt, now)
    ? i18n.t('compare.stale', { date: dateText(generatedAt, locale) })
    : null;
}
