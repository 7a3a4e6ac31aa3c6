import { bucketOf, placementKey } from '../../lib/feed/v2/placement';
import { V2_LIMITS } from '../../lib/feed/v2/schema';
import {
  byKindThenId,
  changeText,
  entryKey,
  sha256Hex,
  sortedEntries,
  type Change,
  type Entry,
  type State,
} from './records';

/**
 * The pure part of `verdicts publish`: which records go in which shard, and what changed
 * between two states. No file access; publish.ts writes what this plans.
 */

export class PublishError extends Error {
  override name = 'PublishError';
}

/** What a shard aims to stay under unless --shard-bytes says otherwise; the hard cap is V2_LIMITS. */
export const DEFAULT_SHARD_TARGET = 2 * 1024 * 1024;

export interface PlannedFile {
  text: string;
  bytes: number;
  sha256: string;
  records: number;
}

/** Lines, one per line with '\n' after each: the exact bytes of a shard or a delta. */
export function fileOf(lines: readonly string[]): PlannedFile {
  const text = lines.map((line) => `${line}\n`).join('');
  return { text, bytes: Buffer.byteLength(text), sha256: sha256Hex(text), records: lines.length };
}

interface Bucket {
  entries: Entry[];
  bytes: number;
  /** The one placement key its records share, or null once two differ (then doubling splits it). */
  key: string | null | undefined;
}

function fill(entries: readonly Entry[], count: number): Bucket[] {
  const buckets: Bucket[] = Array.from({ length: count }, () => ({
    entries: [],
    bytes: 0,
    key: undefined,
  }));
  for (const entry of entries) {
    const key = placementKey(entry.line);
    const bucket = buckets[bucketOf(key, count)]!;
    bucket.entries.push(entry);
    bucket.bytes += Buffer.byteLength(entry.text) + 1;
    bucket.key = bucket.key === undefined || bucket.key === key ? key : null;
  }
  return buckets;
}

const emptyBuckets = (buckets: Bucket[]) =>
  buckets.filter((bucket) => bucket.entries.length === 0).length;

export interface ShardPlan {
  count: number;
  shards: PlannedFile[];
  /** Sum of the shards' bytes: what a client downloads without a delta. */
  bytes: number;
}

/**
 * The shards of a state. The count is a power of two: the previous publication's, kept so that
 * unchanged buckets keep their bytes and so their content-addressed paths (a CDN serves them from
 * cache), else 1; doubled while a shard holding more than one placement key is over `target`.
 * (Doubling splits every bucket in two; a bucket of one tool's records cannot be split, and only
 * has to stay under the hard cap. Doubling also stops where it would leave two shards empty,
 * which a manifest cannot list: both would be the one empty file.)
 */
export function planShards(
  state: State,
  target: number,
  previousCount?: number,
  allowRestart = true,
): ShardPlan {
  const entries = sortedEntries(state);
  let count = previousCount ?? 1;
  let buckets = fill(entries, count);
  const overCap = (list: Bucket[]) => list.find((bucket) => bucket.bytes > V2_LIMITS.shardBytes);
  while (
    count * 2 <= V2_LIMITS.shards &&
    buckets.some((bucket) => bucket.bytes > target && bucket.key === null)
  ) {
    const next = fill(entries, count * 2);
    // Few placement keys (one big tool and the reviewers): splitting on makes empty shards only.
    if (emptyBuckets(next) > 1 && !overCap(buckets)) break;
    count *= 2;
    buckets = next;
  }
  const over = overCap(buckets);
  if (over) {
    const [first] = over.entries;
    const what = over.key ? `the records of ${over.key}` : `one of ${count} shards`;
    throw new PublishError(
      `${what} take ${over.bytes.toLocaleString('en-US')} bytes, over the ${V2_LIMITS.shardBytes.toLocaleString('en-US')}-byte cap of a shard` +
        (first ? ` (first: ${first.kind} "${first.id}")` : ''),
    );
  }
  // Two empty shards would be one file named twice, which a manifest may not list.
  if (emptyBuckets(buckets) > 1) {
    if (previousCount !== undefined && allowRestart) return planShards(state, target);
    throw new PublishError(
      `${count} shards would leave more than one empty (two empty shards are one file named twice); give a larger --shard-bytes`,
    );
  }
  const shards = buckets.map((bucket) => fileOf(bucket.entries.map((entry) => entry.text)));
  return { count, shards, bytes: shards.reduce((sum, shard) => sum + shard.bytes, 0) };
}

const sortChanges = (changes: Change[]): Change[] => changes.sort(byKindThenId);

/** The changes that turn `before` into `after`: a put per added or changed record, a delete per removed one. */
export function diffStates(before: State, after: State): Change[] {
  const changes: Change[] = [];
  for (const [key, entry] of after) {
    if (before.get(key)?.text !== entry.text)
      changes.push({ op: 'put', kind: entry.kind, id: entry.id, entry });
  }
  for (const [key, entry] of before) {
    if (!after.has(key)) changes.push({ op: 'delete', kind: entry.kind, id: entry.id });
  }
  return sortChanges(changes);
}

/**
 * An older delta (from → previous) followed by `newer` (previous → `after`), as one delta from
 * `from` to `after`: every record either touches, once, in its state at `after`. Exact for
 * records changed, added or removed once; a record the publisher cannot see the `from` state of
 * (added in the older delta and removed in the newer, or changed and changed back) stays in it
 * as a delete or a put of what it already is, which applying it leaves right.
 */
export function composeChanges(
  older: readonly { kind: Change['kind']; id: string }[],
  newer: readonly Change[],
  after: State,
): Change[] {
  const touched = new Map<string, { kind: Change['kind']; id: string }>();
  for (const change of [...older, ...newer]) touched.set(entryKey(change.kind, change.id), change);
  const changes: Change[] = [];
  for (const [key, { kind, id }] of touched) {
    const entry = after.get(key);
    changes.push(entry ? { op: 'put', kind, id, entry } : { op: 'delete', kind, id });
  }
  return sortChanges(changes);
}

export const deltaFileOf = (changes: readonly Change[]): PlannedFile =>
  fileOf(changes.map(changeText));
