import type { Reviewer, Tool, Verdict } from '../feed/schema';

/**
 * What the background answers about tools: the reply shapes every surface reads (the badge, the
 * popover, the popup, the compare page). Types only, so lens.js can name them for free.
 */

/** One verdict as lists show it: search results, a tool's other verdicts, comparison partners. */
export interface VerdictSummary {
  id: string;
  title: string;
  panelShip: number;
  toolId: string;
  toolName: string;
}

/** A verdict as the library lists it: its summary, with what it is filtered and sorted by. */
export interface VerdictListItem extends VerdictSummary {
  category: string;
  entry: string;
  publishedAt?: string;
}

/** A comparison page a verdict comes from. */
export interface ComparisonSummary {
  id: string;
  /** The page's title. */
  title: string;
  /** Its address and publication date, where the feed states them. */
  url?: string;
  publishedAt?: string;
  /** The other verdicts on the same comparison page. */
  partners: VerdictSummary[];
}

/** What a badge shows, and what the popover asks for when it opens. */
export interface BadgeSummary {
  toolId: string;
  toolName: string;
  /** The tool's newest verdict. */
  verdictId: string;
  panelShip: number;
}

/** Everything a popover or a side of the compare view needs, in one answer. */
export interface ToolAnswer {
  tool: Tool;
  /** The verdict shown: the newest, unless another was asked for. */
  verdict: Verdict;
  /** All verdicts of the tool, newest first, including the shown one. */
  verdicts: VerdictSummary[];
  comparisons: ComparisonSummary[];
  reviewers: Reviewer[];
  dataset: { source: string; generatedAt: string };
}
