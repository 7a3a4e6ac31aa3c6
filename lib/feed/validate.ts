import type { z } from 'zod';
import { FeedSchema, type Feed } from './schema';

export interface FeedProblem {
  /** JSON path in the feed, e.g. `verdicts[3].reviews[1].quote`; empty for the root. */
  path: string;
  message: string;
}

export type FeedParseResult = { ok: true; feed: Feed } | { ok: false; problems: FeedProblem[] };

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

/** Validates a parsed JSON value as a whole feed; never throws. */
export function parseFeed(value: unknown): FeedParseResult {
  const result = FeedSchema.safeParse(value, { error: errorMap });
  if (result.success) return { ok: true, feed: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}

export function describeProblem(problem: FeedProblem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}
