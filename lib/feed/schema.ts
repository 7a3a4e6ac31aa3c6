import { z } from 'zod';

/**
 * Feed format v1: the one source of truth for the verdict dataset.
 * docs/feed-format.md and docs/feed.schema.json are generated from these schemas.
 */

export const REVIEWER_IDS = [
  'builder',
  'skeptic',
  'futurist',
  'product',
  'creator',
  'business',
] as const;
export const ReviewerIdSchema = z.enum(REVIEWER_IDS);
export type ReviewerId = z.infer<typeof ReviewerIdSchema>;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;
export const SlugSchema = z
  .string()
  .regex(SLUG, 'must be a slug: lowercase letters, digits and inner dashes');

// Text from the feed is only ever rendered as text; the cap only keeps one record from eating memory.
const text = (max: number) => z.string().trim().min(1, 'required').max(max);

const GITHUB_REPO = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const HF_REPO =
  /^(?:(?:datasets|spaces|kernels)\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
const HOSTNAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const ToolMatchSchema = z.object({
  github: z.array(z.string().regex(GITHUB_REPO, 'must be owner/repo')).default([]),
  huggingface: z
    .array(
      z
        .string()
        .regex(HF_REPO, 'must be org/name, datasets/org/name, spaces/org/name or kernels/org/name'),
    )
    .default([]),
  domains: z
    .array(z.string().toLowerCase().regex(HOSTNAME, 'must be a host name such as cursor.com'))
    .default([]),
});
export type ToolMatch = z.infer<typeof ToolMatchSchema>;

export const ReviewerSchema = z.object({
  id: ReviewerIdSchema,
  name: text(60),
  focus: text(200),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;

export const ToolSchema = z.object({
  id: SlugSchema,
  name: text(200),
  /** Other names people use for the tool ("Cursor AI"): found by search, never shown as its name. */
  aliases: z.array(text(200)).max(20).optional(),
  match: ToolMatchSchema,
});
export type Tool = z.infer<typeof ToolSchema>;

export const ReviewSchema = z.object({
  reviewerId: ReviewerIdSchema,
  quote: text(200_000),
});
export type Review = z.infer<typeof ReviewSchema>;

export const VerdictSchema = z.object({
  id: SlugSchema,
  toolId: SlugSchema,
  title: text(300),
  tagline: text(500),
  category: text(100),
  summary: z.string().trim().max(200_000).default(''),
  /** Share of the reviewer panel that says "ship", in percent. */
  panelShip: z.number().int().min(0).max(100),
  /** Community vote in percent; null where the page shows "—" (no votes). */
  community: z.number().min(0).max(100).nullable(),
  /** The page's entry price label, e.g. "Free" or "Paid". */
  entry: text(40),
  reviews: z.array(ReviewSchema),
  /** When the verdict was published, where the source says so; orders a tool's verdicts. */
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

/** An https address: the only kind a page of the extension links to. */
const HttpsUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an https:// URL');

/** One "A vs B" page of the review site: where its verdicts come from. */
export const ComparisonSchema = z.object({
  id: SlugSchema,
  /** The page's title. */
  title: text(700),
  verdictIds: z.array(SlugSchema).min(2),
  /** The page's address, where the source states it. */
  url: HttpsUrlSchema.optional(),
  /** When the page was published, where it says so. */
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

const FeedShapeSchema = z.object({
  version: z.literal(1, { error: 'unknown feed version (this extension reads version 1)' }),
  generatedAt: z.iso.datetime({ offset: true }),
  reviewers: z.array(ReviewerSchema),
  tools: z.array(ToolSchema),
  verdicts: z.array(VerdictSchema),
  comparisons: z.array(ComparisonSchema).default([]),
});

type FeedShape = z.infer<typeof FeedShapeSchema>;

function checkUnique(
  ctx: z.RefinementCtx,
  rows: readonly { id: string }[],
  where: 'reviewers' | 'tools' | 'verdicts' | 'comparisons',
): Set<string> {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row.id)) {
      ctx.addIssue({ code: 'custom', path: [where, i, 'id'], message: `duplicate id "${row.id}"` });
    }
    seen.add(row.id);
  });
  return seen;
}

/** Cross-record rules: unique ids, no dangling references, one owner per match key. */
function checkReferences(feed: FeedShape, ctx: z.RefinementCtx): void {
  const reviewerIds = checkUnique(ctx, feed.reviewers, 'reviewers');
  const toolIds = checkUnique(ctx, feed.tools, 'tools');
  const verdictIds = checkUnique(ctx, feed.verdicts, 'verdicts');
  checkUnique(ctx, feed.comparisons, 'comparisons');

  const owners = new Map<string, string>();
  feed.tools.forEach((tool, i) => {
    for (const [site, values] of Object.entries(tool.match)) {
      values.forEach((value, j) => {
        const key = `${site}:${value.toLowerCase()}`;
        const owner = owners.get(key);
        if (owner !== undefined && owner !== tool.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['tools', i, 'match', site, j],
            message: `"${value}" already belongs to tool "${owner}"`,
          });
        }
        owners.set(key, tool.id);
      });
    }
  });

  feed.verdicts.forEach((verdict, i) => {
    if (!toolIds.has(verdict.toolId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['verdicts', i, 'toolId'],
        message: `unknown tool "${verdict.toolId}"`,
      });
    }
    verdict.reviews.forEach((review, j) => {
      if (!reviewerIds.has(review.reviewerId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['verdicts', i, 'reviews', j, 'reviewerId'],
          message: `unknown reviewer "${review.reviewerId}"`,
        });
      }
    });
  });

  feed.comparisons.forEach((comparison, i) => {
    comparison.verdictIds.forEach((id, j) => {
      if (!verdictIds.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['comparisons', i, 'verdictIds', j],
          message: `unknown verdict "${id}"`,
        });
      }
    });
  });
}

export const FeedSchema = FeedShapeSchema.superRefine(checkReferences);
export type Feed = z.infer<typeof FeedSchema>;
