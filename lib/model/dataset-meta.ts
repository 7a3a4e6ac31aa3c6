/**
 * What is installed and how the last sync went: the worker keeps it in the store's `meta` table,
 * the options page shows it (through the `getStatus` reply). Types only.
 */

export type SyncErrorCode =
  | 'bad-url'
  | 'network'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'not-json'
  | 'invalid'
  | 'stale'
  | 'storage-full'
  | 'storage';

export interface SyncError {
  code: SyncErrorCode;
  message: string;
  /** JSON path of the first problem when the feed was invalid. */
  path?: string;
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
}
