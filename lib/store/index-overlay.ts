import { byText } from '../model/sorted';
import { runNow } from '../model/steps';
import type { GroupRows } from './group-rows';
import { isIntactIndex } from './index-repair';
import { IndexMismatch } from './index-mismatch';
import { badgesFromAnswers } from './lookup-index';
import { mergeLookupRow } from './lookup-merge';
import {
  OVERLAY,
  type AnswerRow,
  type LookupIndexRow,
  type MatchKeyRow,
  type SearchIndexRow,
} from './rows';
import { mergeSearchRowSteps } from './search-pack';
import { searchSourcesOf } from './search-source';
import { isIntactSearchRow } from './search-store';

// The index overlays an incremental change rewrites (rows.ts IndexPartId).

/** The sorted union of two lists of ids. */
const union = (a: readonly string[], b: Iterable<string>): string[] =>
  [...new Set([...a, ...b])].sort(byText);

/**
 * Both overlays after a change: the touched tools' rows replace what the overlay held of them,
 * and the base rows of those it did not hold yet are hidden from now on (their keys, their
 * verdicts' entries). Throws IndexMismatch when the overlay does not hold what it says it does.
 */
export function mergeOverlays(
  lookup: LookupIndexRow,
  search: SearchIndexRow,
  change: {
    affected: ReadonlySet<string>;
    oldKeys: readonly MatchKeyRow[];
    oldAnswers: readonly AnswerRow[];
    next: GroupRows;
  },
): { lookup: LookupIndexRow; search: SearchIndexRow } {
  if (!isIntactIndex(lookup) || !isIntactSearchRow(search))
    throw new IndexMismatch('an index overlay is damaged');
  const held = new Set(lookup.tools);
  const { affected, oldKeys, oldAnswers, next } = change;
  const [heldKeys, baseKeys] = split(oldKeys, (k) => held.has(k.toolId));
  const [heldAnswers, baseAnswers] = split(oldAnswers, (a) => held.has(a.toolId));
  const verdictIds = (answers: readonly AnswerRow[]) =>
    answers.flatMap((a) => a.verdicts.map((v) => v.id));
  const merged = mergeLookupRow(
    lookup,
    new Set(heldKeys.map((k) => k.key)),
    affected,
    next.matchKeys,
    badgesFromAnswers(next.answers),
  );
  const searched = runNow(
    mergeSearchRowSteps(
      search,
      new Set(verdictIds(heldAnswers)),
      searchSourcesOf(next.tools, next.verdicts),
    ),
  );
  return {
    lookup: {
      ...merged,
      id: OVERLAY,
      tools: union(lookup.tools ?? [], affected),
      drops: union(
        lookup.drops ?? [],
        baseKeys.map((k) => k.key),
      ),
    },
    search: {
      ...searched,
      id: OVERLAY,
      drops: union(search.drops ?? [], verdictIds(baseAnswers)),
    },
  };
}

function split<T>(list: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of list) (test(item) ? yes : no).push(item);
  return [yes, no];
}
