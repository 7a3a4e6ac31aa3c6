import type { z } from 'zod';
import type { ProblemCode, ProblemParams, ProblemText } from '../model/worker-text';

/**
 * A feed problem's English words (the CLI prints them; rows and replies carry them beside the
 * code) and its code with parameters (a page renders those in its own language).
 */
export interface Problem {
  message: string;
  text: ProblemText;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The fixed messages, for zod to report (schema.ts, ids.ts): an issue that carries one is that
 * problem, whatever kind of issue zod files it under.
 */
export const MESSAGE = {
  required: 'required',
  notObject: 'the feed must be a JSON object',
  notList: 'must be a list',
  controls: 'must not contain control characters or bidirectional overrides',
  slug: 'must be a slug: lowercase letters, digits and inner dashes',
  githubRepo: 'must be owner/repo',
  githubReserved: 'is no repository page GitHub has (a reserved owner, or "." / "..")',
  hfRepo: 'must be org/name, datasets/org/name, spaces/org/name or kernels/org/name',
  hfReserved: 'is no repository page Hugging Face has (a reserved name)',
  hostName: 'must be a host name such as cursor.com',
  publicSuffix:
    'is a public suffix or a shared-hosting parent (Public Suffix List): name the tool’s own domain',
  httpsUrl: 'must be an https:// URL',
  twoVerdicts: 'must name at least two verdicts',
  version: 'unknown feed version (this extension reads version 1)',
} as const satisfies { [C in ProblemCode]?: string };

/** The English of the problems with values in them. */
const ENGLISH: { [C in ProblemCode]?: (p: ProblemParams[C]) => string } = {
  repeats: (p) => `"${p.value}" repeats`,
  secondReview: (p) => `a second review by "${p.reviewer}"`,
  duplicateId: (p) => `duplicate id "${p.id}"`,
  taken: (p) => `"${p.value}" already belongs to tool "${p.owner}"`,
  unknownTool: (p) => `unknown tool "${p.id}"`,
  unknownReviewer: (p) => `unknown reviewer "${p.id}"`,
  unknownVerdict: (p) => `unknown verdict "${p.id}"`,
  toolVerdicts: (p) => `tool "${p.tool}" has more than ${p.max} verdicts`,
  verdictComparisons: (p) => `verdict "${p.verdict}" is in more than ${p.max} comparisons`,
  tooManyRecords: (p) =>
    `more than the ${count(p.max)} records allowed${p.count === null ? '' : ` (${count(p.count)})`}`,
  tooManyItems: (p) =>
    `more than the ${count(p.max)} items allowed${p.count === null ? '' : ` (${count(p.count)})`}`,
  tooDeep: (p) => `nested more than ${p.depth} levels deep`,
  noRecord: (p) => `there is no record "${p.id}" to delete`,
  deletedTwice: (p) => `"${p.id}" is deleted twice`,
  upsertedAndDeleted: (p) => `"${p.id}" is both upserted and deleted`,
  reviewStays: (p) => `verdict "${p.verdict}" has a review by "${p.reviewer}"`,
  toolStaysNamed: (p) => `verdict "${p.verdict}" still names tool "${p.tool}"`,
  verdictStaysNamed: (p) => `comparison "${p.comparison}" still names verdict "${p.verdict}"`,
  future: (p) => `${p.date} is in the future (this device's clock says ${p.now})`,
};

/** A problem the format's own checks found. */
export function problem<C extends ProblemCode>(code: C, params: ProblemParams[C]): Problem {
  const english = ENGLISH[code] as ((p: ProblemParams[C]) => string) | undefined;
  const fixed = (MESSAGE as Partial<Record<ProblemCode, string>>)[code];
  return { message: english?.(params) ?? fixed ?? code, text: { code, params } as ProblemText };
}

/** A custom zod issue's message and params: issueProblem reads the problem back from them. */
export function customIssue<C extends ProblemCode>(code: C, params: ProblemParams[C]) {
  const { message, text } = problem(code, params);
  return { message, params: { problem: text } };
}

const BY_MESSAGE = new Map<string, ProblemCode>(
  Object.entries(MESSAGE).map(([code, message]) => [message, code as ProblemCode]),
);

/** zod's issue as a problem: the schema's own words where it set them, else by kind of issue. */
export function issueProblem(issue: z.core.$ZodIssue): Problem {
  const { message } = issue;
  const fixed = BY_MESSAGE.get(message);
  if (fixed) return { message, text: { code: fixed, params: {} } as ProblemText };
  // Custom issues with values in them name their problem (schema.ts's addIssue calls).
  if (issue.code === 'custom' && isProblemText(issue.params?.problem))
    return { message, text: issue.params.problem };
  const text = ((): ProblemText => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.expected === 'string') return { code: 'notString', params: {} };
        if (issue.expected === 'number') return { code: 'notNumber', params: {} };
        if (issue.expected === 'int') return { code: 'notWholeNumber', params: {} };
        if (issue.expected === 'array') return { code: 'notList', params: {} };
        if (issue.expected === 'object') return { code: 'notRecord', params: {} };
        return { code: 'wrongType', params: { expected: issue.expected } };
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') return { code: 'tooLong', params: { max } };
        if (issue.origin === 'array') return { code: 'tooMany', params: { max } };
        if (issue.origin === 'number') return { code: 'tooHigh', params: { max } };
        break;
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') return { code: 'tooShort', params: { min } };
        if (issue.origin === 'array') return { code: 'tooFew', params: { min } };
        if (issue.origin === 'number') return { code: 'tooLow', params: { min } };
        break;
      }
      case 'invalid_format':
        if (issue.format === 'datetime') return { code: 'dateTime', params: {} };
        break;
      case 'invalid_value':
        return { code: 'oneOf', params: { values: issue.values.map(String).join(', ') } };
    }
    return { code: 'other', params: { message } };
  })();
  return { message, text };
}

function isProblemText(value: unknown): value is ProblemText {
  return typeof (value as ProblemText | undefined)?.code === 'string';
}
