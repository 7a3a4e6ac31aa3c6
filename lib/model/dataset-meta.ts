/**
 * What is installed and how the last sync went: the worker keeps it in the store's `meta` table,
 * the options page shows it (through the `getStatus` reply). Types only.
 */

import type { FeedIssue, WorkerText } from './worker-text';

export type SyncErrorCode =
  | 'bad-url'
  | 'network'
  | 'timeout'
  | 'http'
  | 'redirect'
  | 'too-large'
  | 'not-json'
  | 'invalid'
  | 'stale'
  | 'storage-full'
  | 'storage'
  | 'interrupted'
  /** Feed v2 (docs/feed-format.md): refusals that keep the installed dataset. */
  | 'signature'
  | 'key-changed'
  | 'replay'
  | 'expired'
  | 'hash-mismatch';

/** How many of an invalid feed's problems are kept to show; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;

export interface SyncError {
  code: SyncErrorCode;
  /** In English. */
  message: string;
  /** The message for a page to say in its own language; rows stored before it have none. */
  text?: WorkerText;
  /** JSON path of the first problem when the feed was invalid. */
  path?: string;
  /** Every problem of an invalid feed ("path: message"), the first MAX_LISTED_PROBLEMS of them. */
  problems?: string[];
  /** The same problems as codes (rows stored before them have only `problems`). */
  issues?: FeedIssue[];
  /** How many problems there were in all (more than `problems` holds when it was capped). */
  problemCount?: number;
  at: string;
}

/** One row, id `current`. */
export interface MetaRow {
  id: 'current';
  /** `bundled`, or the feed URL the dataset came from. */
  source: string;
  version: number;
  generatedAt: string;
  etag: string | null;
  lastModified: string | null;
  counts: { tools: number; verdicts: number; reviewers: number; comparisons: number };
  installedAt: string;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  lastError: SyncError | null;
  /** Consecutive failed syncs, for backoff. */
  failures: number;
  /**
   * Set when a sync starts, cleared in the same write that records how it ended (an install
   * writes a new row without it). Still set at the next start: that sync never ended (the
   * browser or its worker stopped), and it counts as a failure.
   */
  syncStartedAt?: string;
  /** A v2 feed's state, absent for the bundled dataset and v1 feeds (which are unsigned). */
  signed?: SignedState;
  /** The last time the worker found its lookup index missing or broken and rebuilt it. */
  lastRepair?: { at: string; message: string; text?: WorkerText };
}

export interface SignedState {
  seq: number;
  /** The whole dataset's digest the manifest stated (lib/feed/v2/digest.ts). */
  digest: string;
  /** SHA-256 of the manifest's bytes. */
  manifest: string;
  /** The key its signature was checked with, and whether the user set it or it was pinned. */
  publicKey: string;
  keyFrom: 'settings' | 'pinned';
  /** How the last update arrived: a delta from an earlier seq, or every shard. */
  via: 'delta' | 'shards';
}

/** What the installed dataset covers, counted from it (the welcome page shows it). */
export interface DatasetCoverage {
  source: string;
  generatedAt: string;
  tools: number;
  verdicts: number;
  comparisons: number;
  /** Tools found on GitHub, on Hugging Face, and tools no page finds (search only). */
  onGithub: number;
  onHuggingface: number;
  unmatched: number;
  /** The dataset's product domains (what "Allow product sites" asks for). */
  productDomains: string[];
  /** A rated GitHub repository to try the badge on (`owner/repo`), when there is one. */
  exampleRepo: string | null;
}
