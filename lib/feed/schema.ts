import { parse as parseDomain } from 'tldts';
import { z } from 'zod';
import { isGithubRepoName } from '../detect/github';
import { isHuggingfaceRepoPath } from '../detect/huggingface';
import { runNow, type Steps } from '../model/steps';
import { REVIEWER_IDS, ReviewerIdSchema, SLUG_MAX, SlugSchema } from './ids';
import { customIssue, MESSAGE, problem, type Problem } from './problems';

/**
 * Feed format v1: the one source of truth for the verdict dataset.
 * docs/feed-format.md and docs/feed.schema.json are generated from these schemas.
 */

export { REVIEWER_IDS, ReviewerIdSchema, SlugSchema, type ReviewerId } from './ids';

/**
 * Every bound of the format, stated in docs/feed-format.md and carried by feed.schema.json. They
 * keep one feed's work in the worker proportional to its size: the install expands comparisons
 * pairwise and keys answers by tool, so each list that it multiplies has a cap. Real feeds and the
 * 100,000-tool synthetic bench feed sit far inside them.
 */
export const LIMITS = {
  reviewers: REVIEWER_IDS.length,
  tools: 150_000,
  verdicts: 150_000,
  comparisons: 150_000,
  aliasesPerTool: 20,
  githubPerTool: 10,
  huggingfacePerTool: 20,
  domainsPerTool: 10,
  reviewsPerVerdict: REVIEWER_IDS.length,
  /** "A vs B" pages name two verdicts; a few name three or four. */
  verdictIdsPerComparison: 4,
  verdictsPerTool: 50,
  comparisonsPerVerdict: 50,
  /** Arrays and objects inside one another, the root object counting as 1 (a feed needs 5). */
  depth: 8,
  /** Any list inside a record, one this version knows or a later one adds. */
  innerList: 1000,
} as const;

/** The longest value of each string field, in UTF-16 code units (JavaScript's `length`). */
export const MAX_LENGTH = {
  id: SLUG_MAX,
  reviewerName: 60,
  reviewerFocus: 200,
  toolName: 200,
  alias: 200,
  github: 140,
  huggingface: 210,
  domain: 253,
  title: 300,
  tagline: 500,
  category: 100,
  summary: 200_000,
  entry: 40,
  quote: 200_000,
  comparisonTitle: 700,
  url: 2048,
} as const;

/**
 * Characters that are never part of a feed's text: C0 and C1 controls and the bidirectional
 * embeddings, overrides and isolates that make text display in another order than it is stored
 * (a tool name could read as another tool's). Prose fields may break lines and use tabs.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
// eslint-disable-next-line no-control-regex -- as above
const PROSE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;
const NO_CONTROLS = MESSAGE.controls;

// Text from the feed is only ever rendered as text; the cap keeps one record from eating memory.
const text = (max: number) =>
  z.string().trim().min(1, MESSAGE.required).max(max).regex(LINE, NO_CONTROLS);
const prose = (max: number) => z.string().trim().max(max).regex(PROSE, NO_CONTROLS);

/**
 * A list of at most `max` values none of which repeats (as `key` compares them: match keys and
 * aliases case-insensitively, the way they are looked up).
 */
function uniqueList<T extends z.ZodType<string>>(
  item: T,
  max: number,
  key: (value: string) => string = (value) => value,
) {
  return z
    .array(item)
    .max(max)
    .superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.forEach((value, i) => {
        const k = key(value);
        if (seen.has(k))
          ctx.addIssue({ code: 'custom', path: [i], ...customIssue('repeats', { value }) });
        seen.add(k);
      });
    })
    .meta({ uniqueItems: true });
}
const lower = (value: string) => value.toLowerCase();

const GITHUB_REPO = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const HF_REPO =
  /^(?:(?:datasets|spaces|kernels)\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
const HOSTNAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A domain someone can own: not a public suffix (`co.uk`) nor a shared-hosting parent (`github.io`). */
function isRegistrable(host: string): boolean {
  return parseDomain(host, { allowPrivateDomains: true }).domain !== null;
}

export const ToolMatchSchema = z.object({
  github: uniqueList(
    z
      .string()
      .max(MAX_LENGTH.github)
      .regex(GITHUB_REPO, MESSAGE.githubRepo)
      .refine(isGithubRepoName, MESSAGE.githubReserved),
    LIMITS.githubPerTool,
    lower,
  ).default([]),
  huggingface: uniqueList(
    z
      .string()
      .max(MAX_LENGTH.huggingface)
      .regex(HF_REPO, MESSAGE.hfRepo)
      .refine(isHuggingfaceRepoPath, MESSAGE.hfReserved),
    LIMITS.huggingfacePerTool,
    lower,
  ).default([]),
  domains: uniqueList(
    z
      .string()
      .max(MAX_LENGTH.domain)
      .toLowerCase()
      .regex(HOSTNAME, MESSAGE.hostName)
      .refine(isRegistrable, MESSAGE.publicSuffix),
    LIMITS.domainsPerTool,
  ).default([]),
});
export type ToolMatch = z.infer<typeof ToolMatchSchema>;

export const ReviewerSchema = z.object({
  id: ReviewerIdSchema,
  name: text(MAX_LENGTH.reviewerName),
  focus: text(MAX_LENGTH.reviewerFocus),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;

export const ToolSchema = z.object({
  id: SlugSchema,
  name: text(MAX_LENGTH.toolName),
  /** Other names people use for the tool ("Cursor AI"): found by search, never shown as its name. */
  aliases: uniqueList(text(MAX_LENGTH.alias), LIMITS.aliasesPerTool, lower).optional(),
  match: ToolMatchSchema,
});
export type Tool = z.infer<typeof ToolSchema>;

export const ReviewSchema = z.object({
  reviewerId: ReviewerIdSchema,
  quote: prose(MAX_LENGTH.quote).min(1, MESSAGE.required),
});
export type Review = z.infer<typeof ReviewSchema>;

/** One review per reviewer: the panel has six. */
const ReviewsSchema = z
  .array(ReviewSchema)
  .max(LIMITS.reviewsPerVerdict)
  .superRefine((reviews, ctx) => {
    const seen = new Set<string>();
    reviews.forEach((review, i) => {
      if (seen.has(review.reviewerId)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'reviewerId'],
          ...customIssue('secondReview', { reviewer: review.reviewerId }),
        });
      }
      seen.add(review.reviewerId);
    });
  });

export const VerdictSchema = z.object({
  id: SlugSchema,
  toolId: SlugSchema,
  title: text(MAX_LENGTH.title),
  tagline: text(MAX_LENGTH.tagline),
  category: text(MAX_LENGTH.category),
  summary: prose(MAX_LENGTH.summary).default(''),
  /** Share of the reviewer panel that says "ship", in percent. */
  panelShip: z.number().int().min(0).max(100),
  /** Community vote in percent; null where the page shows "—" (no votes). */
  community: z.number().min(0).max(100).nullable(),
  /** The page's entry price label, e.g. "Free" or "Paid". */
  entry: text(MAX_LENGTH.entry),
  reviews: ReviewsSchema,
  /** When the verdict was published, where the source says so; orders a tool's verdicts. */
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

/** An https address: the only kind a page of the extension links to. */
const HttpsUrlSchema = z
  .string()
  .max(MAX_LENGTH.url)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && !url.username && !url.password;
    } catch {
      return false;
    }
  }, MESSAGE.httpsUrl);

/** One "A vs B" page of the review site: where its verdicts come from. */
export const ComparisonSchema = z.object({
  id: SlugSchema,
  /** The page's title. */
  title: text(MAX_LENGTH.comparisonTitle),
  verdictIds: uniqueList(SlugSchema, LIMITS.verdictIdsPerComparison).min(2, MESSAGE.twoVerdicts),
  /** The page's address, where the source states it. */
  url: HttpsUrlSchema.optional(),
  /** When the page was published, where it says so. */
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** The fields of the root object other than the record lists. */
export const FeedHeadSchema = z.object({
  version: z.literal(1, { error: MESSAGE.version }),
  generatedAt: z.iso.datetime({ offset: true }),
});

const FeedShapeSchema = FeedHeadSchema.extend({
  reviewers: z.array(ReviewerSchema).max(LIMITS.reviewers),
  tools: z.array(ToolSchema).max(LIMITS.tools),
  verdicts: z.array(VerdictSchema).max(LIMITS.verdicts),
  comparisons: z.array(ComparisonSchema).max(LIMITS.comparisons).default([]),
});

type FeedShape = z.infer<typeof FeedShapeSchema>;

/** One problem a cross-record rule found; `add` returns false once no more are wanted. */
export interface RecordIssue extends Problem {
  path: (string | number)[];
}
export type AddIssue = (issue: RecordIssue) => boolean;

/** Loop bodies between two yields of the cross-record checks. */
const STEP = 512;

function* checkUnique(
  add: AddIssue,
  rows: readonly { id: string }[],
  where: 'reviewers' | 'tools' | 'verdicts' | 'comparisons',
): Steps<Set<string> | null> {
  const seen = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i]!.id;
    if (seen.has(id) && !add({ path: [where, i, 'id'], ...problem('duplicateId', { id }) }))
      return null;
    seen.add(id);
    if (i % STEP === STEP - 1) yield;
  }
  return seen;
}

/**
 * Cross-record rules: unique ids, no dangling references, one owner per match key, and the
 * per-record caps that need the other records (verdicts per tool, comparisons per verdict). A
 * generator so the worker can interleave it with lookups; it stops as soon as `add` says so.
 */
export function* checkReferences(feed: FeedShape, add: AddIssue): Steps<void> {
  const reviewerIds = yield* checkUnique(add, feed.reviewers, 'reviewers');
  const toolIds = reviewerIds && (yield* checkUnique(add, feed.tools, 'tools'));
  const verdictIds = toolIds && (yield* checkUnique(add, feed.verdicts, 'verdicts'));
  if (!reviewerIds || !toolIds || !verdictIds) return;
  if ((yield* checkUnique(add, feed.comparisons, 'comparisons')) === null) return;

  const owners = new Map<string, string>();
  for (let i = 0; i < feed.tools.length; i++) {
    const tool = feed.tools[i]!;
    for (const [site, values] of Object.entries(tool.match)) {
      for (let j = 0; j < values.length; j++) {
        const value = values[j]!;
        const key = `${site}:${value.toLowerCase()}`;
        const owner = owners.get(key);
        if (owner !== undefined && owner !== tool.id) {
          const taken = problem('taken', { value, owner });
          if (!add({ path: ['tools', i, 'match', site, j], ...taken })) return;
        }
        owners.set(key, tool.id);
      }
    }
    if (i % STEP === STEP - 1) yield;
  }

  const perTool = new Map<string, number>();
  for (let i = 0; i < feed.verdicts.length; i++) {
    const verdict = feed.verdicts[i]!;
    if (!toolIds.has(verdict.toolId)) {
      const unknown = problem('unknownTool', { id: verdict.toolId });
      if (!add({ path: ['verdicts', i, 'toolId'], ...unknown })) return;
    }
    const count = (perTool.get(verdict.toolId) ?? 0) + 1;
    perTool.set(verdict.toolId, count);
    if (count === LIMITS.verdictsPerTool + 1) {
      const many = problem('toolVerdicts', { tool: verdict.toolId, max: LIMITS.verdictsPerTool });
      if (!add({ path: ['verdicts', i, 'toolId'], ...many })) return;
    }
    for (let j = 0; j < verdict.reviews.length; j++) {
      const { reviewerId } = verdict.reviews[j]!;
      if (!reviewerIds.has(reviewerId)) {
        const unknown = problem('unknownReviewer', { id: reviewerId });
        if (!add({ path: ['verdicts', i, 'reviews', j, 'reviewerId'], ...unknown })) return;
      }
    }
    if (i % STEP === STEP - 1) yield;
  }

  const perVerdict = new Map<string, number>();
  for (let i = 0; i < feed.comparisons.length; i++) {
    const ids = feed.comparisons[i]!.verdictIds;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      if (!verdictIds.has(id)) {
        const unknown = problem('unknownVerdict', { id });
        if (!add({ path: ['comparisons', i, 'verdictIds', j], ...unknown })) return;
      }
      const count = (perVerdict.get(id) ?? 0) + 1;
      perVerdict.set(id, count);
      if (count === LIMITS.comparisonsPerVerdict + 1) {
        const max = LIMITS.comparisonsPerVerdict;
        const many = problem('verdictComparisons', { verdict: id, max });
        if (!add({ path: ['comparisons', i, 'verdictIds', j], ...many })) return;
      }
    }
    if (i % STEP === STEP - 1) yield;
  }
}

/**
 * The whole feed as one zod schema: what feed.schema.json is generated from and what the rules
 * mean. The extension checks a feed with parseFeed (validate.ts), which applies these same
 * schemas record by record and stops after the first problems.
 */
export const FeedSchema = FeedShapeSchema.superRefine((feed, ctx) =>
  runNow(
    checkReferences(feed, (issue) => {
      ctx.addIssue({
        code: 'custom',
        path: issue.path,
        message: issue.message,
        params: { problem: issue.text },
      });
      return true;
    }),
  ),
);
export type Feed = z.infer<typeof FeedSchema>;
