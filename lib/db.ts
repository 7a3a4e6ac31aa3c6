import Dexie, { type Table } from 'dexie';
import type { Comparison, Reviewer, Tool, Verdict } from './schema';
import type { MatchKey } from './match-keys';

/** A verdict as stored: `recency` orders a tool's verdicts, higher is newer (see verdict-order.ts). */
export type VerdictRow = Verdict & { recency: number };
export type ToolRow = Tool & { nameLower: string };
export interface MatchKeyRow {
  key: MatchKey;
  toolId: string;
}

export interface SyncError {
  code: SyncErrorCode;
  message: string;
  /** JSON path of the first problem when the feed was invalid. */
  path?: string;
  at: string;
}

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

/** One row, id `current`: what is installed and how the last sync went. */
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

export class VerdictDb extends Dexie {
  tools!: Table<ToolRow, string>;
  verdicts!: Table<VerdictRow, string>;
  reviewers!: Table<Reviewer, string>;
  comparisons!: Table<Comparison, string>;
  matchKeys!: Table<MatchKeyRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'verdict-lens') {
    super(name);
    this.version(1).stores({
      tools: 'id, nameLower',
      verdicts: 'id, toolId',
      reviewers: 'id',
      comparisons: 'id, *verdictIds',
      matchKeys: 'key, toolId',
      meta: 'id',
    });
  }
}

export const DATA_TABLES = ['tools', 'verdicts', 'reviewers', 'comparisons', 'matchKeys'] as const;
