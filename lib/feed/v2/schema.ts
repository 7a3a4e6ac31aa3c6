import { z } from 'zod';
import { ComparisonSchema, LIMITS, ReviewerSchema, ToolSchema, VerdictSchema } from '../schema';
import { SlugSchema } from '../ids';

/**
 * Feed format v2 (docs/feed-format.md): a signed manifest that binds, by SHA-256, content-addressed
 * shards of records and deltas from earlier `seq`s. The records are v1's (../schema.ts); this
 * module is the one source of truth for the files around them.
 */

/** Caps that keep one file's work bounded: one shard or delta always fits in memory. */
export const V2_LIMITS = {
  manifestBytes: 1024 * 1024,
  signatureBytes: 1024,
  shardBytes: 4 * 1024 * 1024,
  deltaBytes: 8 * 1024 * 1024,
  shards: 4096,
  deltas: 64,
  /** How long a manifest may claim to stay valid: an expiry further out is refused as bogus. */
  maxLifetimeDays: 90,
} as const;

export const RECORD_KINDS = ['reviewer', 'tool', 'verdict', 'comparison'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The version 1 feed's list of each kind of record (and a delta's changes, by kind). */
export const RECORD_LISTS = {
  reviewer: 'reviewers',
  tool: 'tools',
  verdict: 'verdicts',
  comparison: 'comparisons',
} as const satisfies Record<RecordKind, string>;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex');

/** Content-addressed: the path names the file's own hash, so a CDN may cache it forever. */
const filePath = (folder: 'shards' | 'deltas') =>
  z
    .string()
    .regex(new RegExp(`^${folder}/[0-9a-f]{64}\\.ndjson$`), `must be ${folder}/<sha256>.ndjson`);

export const ShardRefSchema = z
  .object({
    path: filePath('shards'),
    sha256: Sha256Schema,
    bytes: z.number().int().min(0).max(V2_LIMITS.shardBytes),
    records: z.number().int().min(0),
  })
  .refine((s) => s.path === `shards/${s.sha256}.ndjson`, 'path must name the file’s sha256');
export type ShardRef = z.infer<typeof ShardRefSchema>;

export const DeltaRefSchema = z
  .object({
    /** The installed `seq` this delta applies to; it leads straight to the manifest's `seq`. */
    from: z.number().int().min(0),
    path: filePath('deltas'),
    sha256: Sha256Schema,
    bytes: z.number().int().min(0).max(V2_LIMITS.deltaBytes),
    records: z.number().int().min(0),
  })
  .refine((d) => d.path === `deltas/${d.sha256}.ndjson`, 'path must name the file’s sha256');
export type DeltaRef = z.infer<typeof DeltaRefSchema>;

export const DigestSchema = z.string().regex(/^sum256:[0-9a-f]{64}$/, 'must be sum256:<64 hex>');

export const ManifestSchema = z
  .object({
    format: z.literal('verdict-lens-feed'),
    version: z.literal(2),
    /** Grows with every publication; a client refuses a manifest not newer than its own. */
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    generatedAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    /** The signing key, `ed25519:<base64>`: what a client pins on first use. */
    publicKey: z.string().max(100),
    counts: z.object({
      reviewers: z.number().int().min(0).max(LIMITS.reviewers),
      tools: z.number().int().min(0).max(LIMITS.tools),
      verdicts: z.number().int().min(0).max(LIMITS.verdicts),
      comparisons: z.number().int().min(0).max(LIMITS.comparisons),
    }),
    /** Of the whole dataset: see digest.ts. Checked after a delta. */
    digest: DigestSchema,
    shards: z.array(ShardRefSchema).min(1).max(V2_LIMITS.shards),
    deltas: z.array(DeltaRefSchema).max(V2_LIMITS.deltas).default([]),
  })
  .superRefine((m, ctx) => {
    if (Date.parse(m.expiresAt) <= Date.parse(m.generatedAt))
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after generatedAt' });
    const lifetime = Date.parse(m.expiresAt) - Date.parse(m.generatedAt);
    if (lifetime > V2_LIMITS.maxLifetimeDays * 86_400_000)
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: `must be at most ${V2_LIMITS.maxLifetimeDays} days after generatedAt`,
      });
    const froms = new Set<number>();
    m.deltas.forEach((d, i) => {
      if (d.from >= m.seq)
        ctx.addIssue({ code: 'custom', path: ['deltas', i, 'from'], message: 'must be below seq' });
      if (froms.has(d.from))
        ctx.addIssue({ code: 'custom', path: ['deltas', i, 'from'], message: 'repeats' });
      froms.add(d.from);
    });
    const paths = new Set<string>();
    m.shards.forEach((s, i) => {
      if (paths.has(s.path))
        ctx.addIssue({ code: 'custom', path: ['shards', i, 'path'], message: 'repeats' });
      paths.add(s.path);
    });
  });
export type Manifest = z.infer<typeof ManifestSchema>;

const RECORD_SCHEMAS = {
  reviewer: ReviewerSchema,
  tool: ToolSchema,
  verdict: VerdictSchema,
  comparison: ComparisonSchema,
} as const;

const lineOf = <K extends RecordKind>(kind: K) =>
  z.object({ kind: z.literal(kind), record: RECORD_SCHEMAS[kind] });

/** One line of a shard: a record and its kind. */
export const ShardLineSchema = z.discriminatedUnion('kind', [
  lineOf('reviewer'),
  lineOf('tool'),
  lineOf('verdict'),
  lineOf('comparison'),
]);
export type ShardLine = z.infer<typeof ShardLineSchema>;

const putOf = <K extends RecordKind>(kind: K) => lineOf(kind).extend({ op: z.literal('put') });

/**
 * One line of a delta: a record put (added or replaced, the line a shard would hold plus `op`),
 * or a record deleted by kind and id.
 */
export const DeltaLineSchema = z.union([
  z.discriminatedUnion('kind', [
    putOf('reviewer'),
    putOf('tool'),
    putOf('verdict'),
    putOf('comparison'),
  ]),
  z.object({ op: z.literal('delete'), kind: z.enum(RECORD_KINDS), id: SlugSchema }),
]);
export type DeltaLine = z.infer<typeof DeltaLineSchema>;
