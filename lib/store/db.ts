import Dexie, { type Table } from 'dexie';
import type { Comparison, Reviewer } from '../feed/schema';
import type { MetaRow } from '../model/dataset-meta';
import { answerRowsOf } from './answer-rows';
import { badgesFromRows, buildLookupIndex } from './lookup-index';
import { buildSearchRow } from './search-pack';
import { searchSourcesOf } from './search-source';
import {
  verdictRow,
  type AnswerRow,
  type LookupIndexRow,
  type MatchKeyRow,
  type RankedVerdict,
  type SearchIndexRow,
  type ToolRow,
  type VerdictRow,
} from './rows';

/**
 * The worker's database: the one Dexie class, with every schema version and its upgrade. Only
 * the background opens it (docs/architecture.md); row types are in rows.ts.
 */

export class VerdictDb extends Dexie {
  tools!: Table<ToolRow, string>;
  verdicts!: Table<VerdictRow, string>;
  reviewers!: Table<Reviewer, string>;
  comparisons!: Table<Comparison, string>;
  matchKeys!: Table<MatchKeyRow, string>;
  answers!: Table<AnswerRow, string>;
  lookupIndex!: Table<LookupIndexRow, string>;
  searchIndex!: Table<SearchIndexRow, string>;
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
        // (Answers as version 5 has them: the comparisons version 2 joined in are dropped there.)
        const [tools, verdicts] = await Promise.all([
          tx.table<ToolRow, string>('tools').toArray(),
          tx.table<RankedVerdict, string>('verdicts').toArray(),
        ]);
        await tx.table('answers').bulkAdd(answerRowsOf(tools, verdicts));
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
    // Version 4: verdict rows carry what the library filters and sorts by (category, entry,
    // publishedAt), read from the whole verdicts in the answers.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        const answers = await tx.table<AnswerRow, string>('answers').toArray();
        const extra = new Map(answers.flatMap((a) => a.verdicts.map((v) => [v.id, v] as const)));
        await tx
          .table<VerdictRow, string>('verdicts')
          .toCollection()
          .modify((row) => {
            const whole = extra.get(row.id);
            if (!whole) return;
            row.category = whole.category;
            row.entry = whole.entry;
            if (whole.publishedAt) row.publishedAt = whole.publishedAt;
          });
      });
    // Version 5: answers no longer carry their comparisons with the partners joined in (that
    // needed every verdict at install, and a change to one verdict rewrote its partners' rows);
    // they are read with the answer (answers.ts). The stored copies are dropped. And the packed
    // search index (search-pack.ts), so a worker's first search is one read: built from the
    // slim rows here.
    this.version(5)
      .stores({ searchIndex: 'id' })
      .upgrade(async (tx) => {
        const [tools, verdicts] = await Promise.all([
          tx.table<ToolRow, string>('tools').toArray(),
          tx.table<VerdictRow, string>('verdicts').toArray(),
        ]);
        await tx.table('searchIndex').put(buildSearchRow(searchSourcesOf(tools, verdicts)));
        await tx
          .table<AnswerRow & { comparisons?: unknown }, string>('answers')
          .toCollection()
          .modify((row) => {
            delete row.comparisons;
          });
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
  'searchIndex',
] as const;

/**
 * Which of the two dataset databases answers (docs/feed-format.md, "Installing"): a full v2
 * install fills the other one in bounded batches and then moves this pointer, one small write, so
 * a worker stopped half way leaves the old dataset answering. Kept apart from both datasets.
 */
export type SlotRow =
  | { id: 'live'; name: string }
  /**
   * A full install in progress: into `name`, of the manifest with this hash; shards done, and
   * the match keys their tools name (a staging row without it, from an older version, starts
   * over).
   */
  | { id: 'staging'; name: string; manifest: string; done: string[]; keys?: number };

export class SlotsDb extends Dexie {
  state!: Table<SlotRow, string>;

  constructor(name = 'verdict-lens-slots') {
    super(name);
    this.version(1).stores({ state: 'id' });
  }
}
