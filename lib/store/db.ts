import Dexie, { type Table } from 'dexie';
import type { Comparison, Reviewer, Tool, Verdict } from '../feed/schema';
import type { MatchKey } from '../model/match-keys';
import type { ComparisonSummary, VerdictSummary } from './answers';
import { buildAnswerRows } from './answer-rows';
import { badgesFromRows, buildLookupIndex, type LookupIndexRow } from './lookup-index';

/** A verdict with its place among the tool's verdicts: higher `recency` is newer (verdict-order.ts). */
export type RankedVerdict = Verdict & { recency: number };

/**
 * A verdict as the `verdicts` table keeps it: what search and id lookups need. The whole verdict
 * (reviews and all) is stored once, in its tool's answer row.
 */
export type VerdictRow = Pick<Verdict, 'id' | 'toolId' | 'title' | 'panelShip'> & {
  recency: number;
};

export const verdictRow = ({
  id,
  toolId,
  title,
  panelShip,
  recency,
}: RankedVerdict): VerdictRow => ({
  id,
  toolId,
  title,
  panelShip,
  recency,
});
export type ToolRow = Tool & { nameLower: string };
/** A tool's precomputed answer (see answer-rows.ts): all its verdicts, newest first. */
export interface AnswerRow {
  toolId: string;
  tool: Tool;
  verdicts: Verdict[];
  summaries: VerdictSummary[];
  /** Per verdict id: the comparisons it is in, with the partner verdicts. */
  comparisons: Record<string, ComparisonSummary[]>;
}

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
  answers!: Table<AnswerRow, string>;
  lookupIndex!: Table<LookupIndexRow, string>;
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
    // Version 2: per-tool answers, so a lookup is one read (docs/benchmarks.md). A version-1
    // dataset gets its answers built from its own rows on upgrade; nothing is refetched.
    this.version(2)
      .stores({ answers: 'toolId' })
      .upgrade(async (tx) => {
        // Version-1 verdict rows are whole verdicts: they feed the answers, then shrink.
        const [tools, verdicts, comparisons] = await Promise.all([
          tx.table<ToolRow, string>('tools').toArray(),
          tx.table<RankedVerdict, string>('verdicts').toArray(),
          tx.table<Comparison, string>('comparisons').toArray(),
        ]);
        await tx.table('answers').bulkAdd(buildAnswerRows(tools, verdicts, comparisons));
        await tx.table('verdicts').bulkPut(verdicts.map(verdictRow));
      });
    // Version 3: the packed match-key index the worker keeps in memory (lookup-index.ts), so a
    // lookup reads no IndexedDB. Built from the version-2 rows on upgrade.
    this.version(3)
      .stores({ lookupIndex: 'id' })
      .upgrade(async (tx) => {
        // The slim rows, not the answers: those carry every review of every verdict.
        const [matchKeys, tools, verdicts] = await Promise.all([
          tx.table<MatchKeyRow, string>('matchKeys').toArray(),
          tx.table<ToolRow, string>('tools').toArray(),
          tx.table<VerdictRow, string>('verdicts').toArray(),
        ]);
        await tx
          .table('lookupIndex')
          .put(buildLookupIndex(matchKeys, badgesFromRows(tools, verdicts)));
      });
  }
}

export const DATA_TABLES = [
  'tools',
  'verdicts',
  'reviewers',
  'comparisons',
  'matchKeys',
  'answers',
  'lookupIndex',
] as const;
