import type { z } from 'zod';
import { runNow, STEP_ITEMS, type Steps } from '../model/steps';
import {
  checkReferences,
  ComparisonSchema,
  FeedHeadSchema,
  LIMITS,
  ReviewerSchema,
  ToolSchema,
  VerdictSchema,
  type Feed,
  type RecordIssue,
} from './schema';
import { issueProblem, problem, type Problem } from './problems';
import type { FeedIssue, WorkerText } from '../model/worker-text';

/** `message` in English; `text` for a page to say in its own language. */
export interface FeedProblem extends Problem {
  /** JSON path in the feed, e.g. `verdicts[3].reviews[1].quote`; empty for the root. */
  path: string;
}

/** After this many problems the check stops: a hostile feed cannot make it list millions. */
export const MAX_PROBLEMS = 50;

export type FeedParseResult =
  | { ok: true; feed: Feed }
  /** `more`: the check stopped at MAX_PROBLEMS problems, without looking at the rest. */
  | { ok: false; problems: FeedProblem[]; more: boolean };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

// A missing field reads better as "required" than as zod's "expected string, received undefined".
const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined;

/** Collects problems until MAX_PROBLEMS; `add` says whether to go on. */
class Problems {
  readonly list: FeedProblem[] = [];

  add(path: readonly PropertyKey[], found: Problem): boolean {
    if (this.full) return false;
    this.list.push({ path: formatPath(path), ...found });
    return this.list.length < MAX_PROBLEMS;
  }

  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
}

const LISTS = [
  ['reviewers', ReviewerSchema, LIMITS.reviewers],
  ['tools', ToolSchema, LIMITS.tools],
  ['verdicts', VerdictSchema, LIMITS.verdicts],
  ['comparisons', ComparisonSchema, LIMITS.comparisons],
] as const;

const LIST_NAMES: ReadonlySet<string> = new Set(LISTS.map(([name]) => name));

/**
 * The first container nested deeper than LIMITS.depth, or the first list inside a record longer
 * than LIMITS.innerList, as a path; null when there is none. Depth first with a stack of its own
 * that never holds more than LIMITS.depth frames (a recursive walk is what a deep document
 * overflows, and a stack of every pending container is what a wide one fills memory with).
 */
function* shapeProblem(root: object): Steps<{ path: (string | number)[]; found: Problem } | null> {
  type Frame = { node: object; keys: Iterator<string | number>; key: string | number };
  const frames: Frame[] = [];
  const enter = (node: object) => {
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node).values();
    frames.push({ node, keys, key: '' });
  };
  enter(root);
  let visited = 0;
  while (frames.length > 0) {
    const top = frames[frames.length - 1]!;
    const next = top.keys.next();
    if (next.done) {
      frames.pop();
      continue;
    }
    top.key = next.value;
    if (++visited % STEP_ITEMS === 0) yield;
    const child = (top.node as Record<string | number, unknown>)[next.value];
    if (child === null || typeof child !== 'object') continue;
    const path = () => frames.map((f) => f.key);
    if (frames.length >= LIMITS.depth)
      return { path: path(), found: problem('tooDeep', { depth: LIMITS.depth }) };
    // The record lists are counted by name above; no other list needs to be long.
    const recordList = frames.length === 1 && LIST_NAMES.has(next.value as string);
    if (!recordList && Array.isArray(child) && child.length > LIMITS.innerList) {
      const found = problem('tooManyItems', { max: LIMITS.innerList, count: child.length });
      return { path: path(), found };
    }
    enter(child);
  }
  return null;
}

/**
 * A parsed JSON value → a whole valid feed, or the first MAX_PROBLEMS problems. The counts are
 * checked before any record is, then each record on its own (so no list's problems pile up in
 * one place), then the rules across records. Never throws; never recurses per item.
 */
export function* parseFeedSteps(
  value: unknown,
  /** The value was parsed from a text that scanFeedText (prescan.ts) passed: nesting and list
   * lengths are known to be within the limits, so they are not walked again. */
  scanned = false,
): Steps<FeedParseResult> {
  const problems = new Problems();
  const refused = (): FeedParseResult => ({
    ok: false,
    problems: problems.list,
    more: problems.full,
  });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.add([], problem('notObject', {}));
    return refused();
  }
  const root = value as Record<string, unknown>;
  for (const [name, , max] of LISTS) {
    const list = root[name];
    if (list === undefined && name === 'comparisons') continue;
    if (!Array.isArray(list))
      problems.add([name], problem(list === undefined ? 'required' : 'notList', {}));
    else if (list.length > max)
      problems.add([name], problem('tooManyRecords', { max, count: list.length }));
  }
  if (problems.list.length > 0) return refused();

  const shape = scanned ? null : yield* shapeProblem(root);
  if (shape) {
    problems.add(shape.path, shape.found);
    return refused();
  }

  const head = FeedHeadSchema.safeParse(root, { error: errorMap });
  if (!head.success)
    for (const issue of head.error.issues) problems.add(issue.path, issueProblem(issue));

  const records: Record<string, unknown[]> = {};
  for (const [name, schema] of LISTS) {
    const input = (root[name] ?? []) as unknown[];
    const output: unknown[] = [];
    for (let i = 0; i < input.length && !problems.full; i++) {
      const result = schema.safeParse(input[i], { error: errorMap });
      if (result.success) output.push(result.data);
      else
        for (const issue of result.error.issues)
          if (!problems.add([name, i, ...issue.path], issueProblem(issue))) break;
      if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    }
    records[name] = output;
  }
  if (problems.list.length > 0 || !head.success) return refused();

  const feed = { ...head.data, ...records } as Feed;
  yield* checkReferences(feed, ({ path, ...found }: RecordIssue) => problems.add(path, found));
  return problems.list.length > 0 ? refused() : { ok: true, feed };
}

/** Validates a parsed JSON value as a whole feed, at once; never throws. */
export function parseFeed(value: unknown): FeedParseResult {
  return runNow(parseFeedSteps(value));
}

/** How far ahead of this device's clock a feed's `generatedAt` may be. */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * A feed dated in the future (year 9999) would make every real feed after it look older, and be
 * refused as stale: so it is refused itself.
 */
export function futureProblem(generatedAt: string, now: Date): FeedProblem | null {
  if (!(Date.parse(generatedAt) > now.getTime() + MAX_CLOCK_AHEAD_MS)) return null;
  return {
    path: 'generatedAt',
    ...problem('future', { date: generatedAt, now: now.toISOString() }),
  };
}

/** A problem as a page shows it: its path, and its code for the page's own language. */
export const feedIssue = (p: FeedProblem): FeedIssue => ({ path: p.path, text: p.text });

export function describeProblem(problem: FeedProblem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

/** The one line the options page shows for a refused feed: the first problem, and how many more. */
export function describeRefusal(result: { problems: FeedProblem[]; more: boolean }): string {
  const [first, ...rest] = result.problems;
  const others =
    rest.length === 0
      ? ''
      : ` (and ${rest.length} more problems${result.more ? `, and more: the check stops after ${MAX_PROBLEMS}` : ''})`;
  return `The feed was refused: ${first ? describeProblem(first) : 'invalid'}${others}.`;
}

/** describeRefusal's line as a code, for a page to say in its own language. */
export function refusalText(result: { problems: FeedProblem[]; more: boolean }): WorkerText {
  const [first, ...rest] = result.problems;
  return {
    code: 'refused',
    params: {
      first: first ? feedIssue(first) : null,
      others: rest.length,
      stopped: result.more,
      stoppedAt: MAX_PROBLEMS,
    },
  };
}
