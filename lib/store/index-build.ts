import type { Steps } from '../model/steps';
import type { VerdictDb } from './db';
import { badgesFromRows, lookupIndexSteps } from './lookup-index';
import type { LookupIndexRow, MatchKeyRow, SearchIndexRow, ToolRow, VerdictRow } from './rows';
import { searchRowSteps } from './search-pack';
import { searchSourcesOf } from './search-source';
import { inPages } from './search-store';

/** The slim tables both packed indexes are built from (no answers: those hold every review). */
export interface SlimRows {
  matchKeys: MatchKeyRow[];
  tools: ToolRow[];
  verdicts: VerdictRow[];
}

/**
 * The slim tables, read 2,000 rows at a time (one getAll of 100,000 rows holds the worker for
 * half a second). Dexie calls only, so it may run inside the caller's transaction: an install
 * that wrote its rows group by group (groupRows) reads them back here to build the indexes.
 */
export async function readSlimRows(db: VerdictDb): Promise<SlimRows> {
  const [matchKeys, tools, verdicts] = await Promise.all([
    inPages(db.matchKeys, (k) => k.key),
    inPages(db.tools, (t) => t.id),
    inPages(db.verdicts, (v) => v.id),
  ]);
  return { matchKeys, tools, verdicts };
}

/**
 * Both packed indexes of a dataset from its slim rows, in steps: runNow inside a transaction
 * (a pause would let it commit), runYielding outside one. At 100,000 tools the slim rows take
 * about 100 MB of worker heap and the build about as much again at its peak (docs/architecture.md).
 */
export function* indexRowSteps(
  slim: SlimRows,
): Steps<{ lookupIndex: LookupIndexRow; searchIndex: SearchIndexRow }> {
  const lookupIndex = yield* lookupIndexSteps(
    slim.matchKeys,
    badgesFromRows(slim.tools, slim.verdicts),
  );
  const searchIndex = yield* searchRowSteps(searchSourcesOf(slim.tools, slim.verdicts));
  return { lookupIndex, searchIndex };
}
