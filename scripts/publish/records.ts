import { createHash } from 'node:crypto';
import type { Feed } from '../../lib/feed/schema';
import { canonicalJson } from '../../lib/feed/v2/canonical';
import { addHash, canonicalLine, EMPTY_DIGEST } from '../../lib/feed/v2/digest';
import {
  RECORD_KINDS,
  RECORD_LISTS,
  type RecordKind,
  type ShardLine,
} from '../../lib/feed/v2/schema';
import { byText } from '../../lib/model/sorted';

/**
 * A dataset as the publisher holds it: every record's canonical shard line, keyed by kind and id.
 * Two states are compared line by line, so "changed" means "its canonical line changed".
 */

export interface Entry {
  kind: RecordKind;
  id: string;
  line: ShardLine;
  /** canonicalLine(line): the bytes a shard holds and the digest hashes. */
  text: string;
}

export type State = Map<string, Entry>;

export const entryKey = (kind: RecordKind, id: string): string => `${kind}\u0000${id}`;

const KIND_ORDER: Record<RecordKind, number> = { reviewer: 0, tool: 1, verdict: 2, comparison: 3 };

/** The order of lines in every file written: kind (reviewer, tool, verdict, comparison), then id. */
export const byKindThenId = (
  a: { kind: RecordKind; id: string },
  b: { kind: RecordKind; id: string },
): number => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byText(a.id, b.id);

export function entryOf(line: ShardLine): Entry {
  return { kind: line.kind, id: line.record.id, line, text: canonicalLine(line) };
}

/** A validated v1 feed → its state. */
export function stateOfFeed(feed: Feed): State {
  const state: State = new Map();
  for (const kind of RECORD_KINDS) {
    for (const record of feed[RECORD_LISTS[kind]]) {
      const entry = entryOf({ kind, record } as ShardLine);
      state.set(entryKey(kind, entry.id), entry);
    }
  }
  return state;
}

/** A state → a v1 feed (records in kind-then-id order), e.g. to check the rules across records. */
export function feedOfState(state: State, generatedAt: string): Feed {
  const feed: Feed = {
    version: 1,
    generatedAt,
    reviewers: [],
    tools: [],
    verdicts: [],
    comparisons: [],
  };
  for (const entry of sortedEntries(state)) {
    (feed[RECORD_LISTS[entry.kind]] as unknown[]).push(entry.line.record);
  }
  return feed;
}

export const sortedEntries = (state: State): Entry[] => [...state.values()].sort(byKindThenId);

export const sha256Hex = (text: string | Uint8Array): string =>
  createHash('sha256').update(text).digest('hex');

/** digest.ts's lineHash, synchronously (node:crypto): the same SHA-256 of the same bytes. */
export const entryHash = (entry: Entry): bigint => BigInt(`0x${sha256Hex(entry.text)}`);

export function stateDigest(state: State): bigint {
  let digest = EMPTY_DIGEST;
  for (const entry of state.values()) digest = addHash(digest, entryHash(entry));
  return digest;
}

export function stateCounts(state: State): Record<`${RecordKind}s`, number> {
  const counts = { reviewers: 0, tools: 0, verdicts: 0, comparisons: 0 };
  for (const entry of state.values()) counts[RECORD_LISTS[entry.kind]]++;
  return counts;
}

/** One line of a delta, as written: canonical JSON too. */
export type Change =
  | { op: 'put'; kind: RecordKind; id: string; entry: Entry }
  | { op: 'delete'; kind: RecordKind; id: string };

export const changeText = (change: Change): string =>
  change.op === 'put'
    ? canonicalJson({ op: 'put', kind: change.kind, record: change.entry.line.record })
    : canonicalJson({ op: 'delete', kind: change.kind, id: change.id });
