import { PageError } from './page-error';
import { pageLines } from './page-lines';
import { assignReviewers, findScorecard, readQuotes, type ParsedReview } from './scorecard';
import { findPanelShip, readStats, type ToolStats } from './stat-block';

import { readPageMeta, type PageMeta } from './page-meta';
export { PageError } from './page-error';
export type { ParsedReview } from './scorecard';

/**
 * Parses one saved "A vs B" comparison page (text, or HTML which is converted first):
 *
 *   [header] / "A vs B" / [subtitle] /
 *   per tool: category / name / tagline / NN% / Panel ship / — or n / Community / Free / Entry /
 *             description (one or more lines) /
 *   Reviewer scorecard / “quotes” alternating A, B, A, B… / [footer, ignored]
 *
 * Everything is found relative to the stat labels rather than by line number, so nav, footer and
 * blank lines, merged stat lines and multi-line descriptions do not move anything.
 */

export interface ParsedTool {
  category: string;
  name: string;
  tagline: string;
  panelShip: number;
  /** null where the page shows "—" (no votes). */
  community: number | null;
  entry: string;
  /** The description's lines joined with "\n"; empty when the page has none. */
  description: string;
  reviews: ParsedReview[];
}

export interface ParsedPage {
  title: string;
  /** The address and date the page states about itself (HTML pages only). */
  meta: PageMeta;
  tools: [ParsedTool, ParsedTool];
  /** Every scorecard quote in page order, without its “ ” marks. */
  quotes: string[];
  /** Oddities that did not stop the parse, e.g. an uneven number of quotes. */
  warnings: string[];
}

const QUOTES_PER_TOOL = 4;
const VS = /\s(?:vs\.?|versus)\s/i;

interface ToolHeader {
  category: string;
  name: string;
  tagline: string;
  /** Index of the category line, where the tool's card starts. */
  start: number;
}

/** The three lines right above the score: category, name, tagline. */
function readHeader(
  lines: readonly string[],
  stats: ToolStats,
  floor: number,
  tool: number,
): ToolHeader {
  const start = stats.scoreLine - 3;
  if (start < floor) {
    throw new PageError(`tool ${tool}: no category, name and tagline above its "Panel ship" score`);
  }
  return { category: lines[start]!, name: lines[start + 1]!, tagline: lines[start + 2]!, start };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The "A vs B" line above the first tool: the exact one if present, else the nearest "vs" line. */
function findTitle(
  lines: readonly string[],
  before: number,
  a: string,
  b: string,
): { title: string; exact: boolean } {
  const exact = new RegExp(`^${escapeRegExp(a)}\\s+(?:vs\\.?|versus)\\s+${escapeRegExp(b)}$`, 'i');
  const above = lines.slice(0, before);
  const title = above.findLast((line) => exact.test(line));
  if (title !== undefined) return { title, exact: true };
  const loose = above.findLast((line) => VS.test(line));
  if (loose === undefined) throw new PageError('no "A vs B" title line above the first tool');
  return { title: loose, exact: false };
}

function description(lines: readonly string[], stats: ToolStats, end: number): string {
  const body = lines.slice(stats.nextLine, end);
  return (stats.trailing === '' ? body : [stats.trailing, ...body]).join('\n');
}

function quoteWarning(
  quotes: readonly string[],
  split: readonly [string[], string[]],
): string | null {
  const even = quotes.length % 2 === 0;
  if (even && quotes.length >= 2 * QUOTES_PER_TOOL) return null;
  return (
    `expected ${2 * QUOTES_PER_TOOL} quotes (${QUOTES_PER_TOOL} per tool), found ${quotes.length}; ` +
    `assigned alternately: tool 1 has ${split[0].length}, tool 2 has ${split[1].length}`
  );
}

export function parseComparisonPage(source: string): ParsedPage {
  const lines = pageLines(source);
  const warnings: string[] = [];

  const anchor1 = findPanelShip(lines, 0, lines.length, 1);
  if (!anchor1) throw new PageError('not a comparison page: no "Panel ship" label');
  const stats1 = readStats(lines, anchor1, 1);
  const anchor2 = findPanelShip(lines, stats1.nextLine, lines.length, 2);
  if (!anchor2) throw new PageError('tool 2: no "Panel ship" label (page cut off?)');
  const stats2 = readStats(lines, anchor2, 2);

  const scorecard = findScorecard(lines, stats2.nextLine);
  if (scorecard < 0)
    throw new PageError('no "Reviewer scorecard" section after tool 2 (page cut off?)');
  if (findPanelShip(lines, stats2.nextLine, scorecard, 3)) {
    throw new PageError('more than two tools: only "A vs B" pages are supported');
  }

  const header1 = readHeader(lines, stats1, 0, 1);
  const header2 = readHeader(lines, stats2, stats1.nextLine, 2);
  const { title, exact } = findTitle(lines, header1.start, header1.name, header2.name);
  if (!exact) warnings.push(`title "${title}" is not "${header1.name} vs ${header2.name}"`);

  const quotes = readQuotes(lines, scorecard + 1);
  if (quotes.length === 0)
    throw new PageError('no quotes after "Reviewer scorecard" (page cut off?)');
  const split: [string[], string[]] = [[], []];
  quotes.forEach((quote, i) => split[i % 2]!.push(quote));
  const warning = quoteWarning(quotes, split);
  if (warning) warnings.push(warning);

  const tool = (header: ToolHeader, stats: ToolStats, end: number, n: 1 | 2): ParsedTool => ({
    category: header.category,
    name: header.name,
    tagline: header.tagline,
    panelShip: stats.panelShip,
    community: stats.community,
    entry: stats.entry,
    description: description(lines, stats, end),
    reviews: assignReviewers(split[n - 1]!, n, warnings),
  });
  return {
    title,
    meta: readPageMeta(source),
    tools: [tool(header1, stats1, header2.start, 1), tool(header2, stats2, scorecard, 2)],
    quotes,
    warnings,
  };
}
