import type { ShardLine } from './schema';

/**
 * Which shard a record lives in: a hash of its tool's id for a tool and its verdicts (so a tool's
 * answer is built from one shard), of its own id otherwise. FNV-1a: placement needs spread, not
 * secrecy, and must be the same in Node and in the worker without an async digest.
 */
export function placementKey(line: ShardLine): string {
  switch (line.kind) {
    case 'tool':
      return `tool:${line.record.id}`;
    case 'verdict':
      return `tool:${line.record.toolId}`;
    case 'reviewer':
      return 'reviewers';
    case 'comparison':
      return `comparison:${line.record.id}`;
  }
}

export function bucketOf(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

/** The id a line's record is kept under, unique within its kind. */
export const recordId = (line: ShardLine): string => line.record.id;
