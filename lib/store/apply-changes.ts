import { LIMITS, type Comparison, type Tool, type Verdict } from '../feed/schema';
import { problem } from '../feed/problems';
import type { MetaRow } from '../model/dataset-meta';
import { runNow } from '../model/steps';
import {
  CHANGE_KINDS,
  checkChangeShape,
  Problems,
  type ChangeMeta,
  type DatasetChanges,
} from './changes';
import type { Table } from 'dexie';
import { DATA_TABLES, type VerdictDb } from './db';
import { groupRows, type GroupRows } from './group-rows';
import { IndexMismatch } from './index-mismatch';
import { indexRowSteps, readSlimRows } from './index-build';
import { buildLookupIndex } from './lookup-index';
import { mergeOverlays } from './index-overlay';
import {
  OVERLAY,
  verdictRow,
  type AnswerRow,
  type LookupIndexRow,
  type SearchIndexRow,
  type ToolRow,
} from './rows';
import { emptySearchRow } from './search-pack';

const byIds = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
const present = <T>(rows: readonly (T | undefined)[]): T[] =>
  rows.filter((r): r is T => r !== undefined);

/**
 * A tool's verdicts in feed order after the change. The installed order is the ranked one read
 * backwards (oldest first), which ranks the same again (verdict-order.ts): a kept verdict keeps
 * its place, an upserted one is replaced where it was, a new one (or one moved from another
 * tool) comes after them, in the change's order. A full install of a feed listing each tool's
 * verdicts so gives the same rows.
 */
function verdictsAfter(
  toolId: string,
  before: AnswerRow | undefined,
  upserted: ReadonlyMap<string, Verdict>,
  deleted: ReadonlySet<string>,
  upserts: readonly Verdict[],
): Verdict[] {
  const old = before ? [...before.verdicts].reverse() : [];
  const list: Verdict[] = [];
  const placed = new Set<string>();
  for (const v of old) {
    if (deleted.has(v.id)) continue;
    const next = upserted.get(v.id);
    if (next && next.toolId !== toolId) continue;
    list.push(next ?? v);
    placed.add(v.id);
  }
  for (const v of upserts) if (v.toolId === toolId && !placed.has(v.id)) list.push(v);
  return list;
}

/**
 * Applies one incremental change to the installed dataset in ONE read-write transaction: the
 * records, every derived row of the tools it touches (tool rows, ranked verdict rows, match
 * keys, answers), the packed lookup and search indexes (merged, not rebuilt), and the meta row
 * (`meta` with the counts filled in). A change that does not apply (a verdict whose tool is
 * gone, a delete of an id that is not there, a comparison naming a missing verdict, a match key
 * another tool owns: the cross-record rules checkReferences holds a whole feed to) is refused
 * with ChangeRefused before anything is written, and the transaction is aborted. Records must
 * have passed lib/feed's schemas. Only Dexie calls are awaited inside the transaction.
 */
export async function applyChanges(
  db: VerdictDb,
  changes: DatasetChanges,
  meta: ChangeMeta,
): Promise<MetaRow> {
  const problems = new Problems();
  checkChangeShape(changes, problems);
  problems.check();
  const up = <K extends (typeof CHANGE_KINDS)[number]>(kind: K) =>
    (changes[kind]?.upserts ?? []) as NonNullable<NonNullable<DatasetChanges[K]>['upserts']>;
  const del = (kind: (typeof CHANGE_KINDS)[number]) => changes[kind]?.deletes ?? [];
  const tools = up('tools');
  const verdicts = up('verdicts');
  const comparisons = up('comparisons');
  const reviewers = up('reviewers');
  const upTools = byIds<Tool>(tools);
  const upVerdicts = byIds<Verdict>(verdicts);
  const upComparisons = byIds<Comparison>(comparisons);
  const delTools = new Set(del('tools'));
  const delVerdicts = new Set(del('verdicts'));
  const delComparisons = new Set(del('comparisons'));
  const delReviewers = new Set<string>(del('reviewers'));

  const tables = [...DATA_TABLES.map((name) => db.table(name)), db.meta];
  return db.transaction('rw', tables, async () => {
    // What the change names, as installed.
    const namedComparisonIds = [...new Set([...delComparisons, ...upComparisons.keys()])];
    const [oldReviewers, namedTools, namedVerdicts, namedComparisons, oldMeta] = await Promise.all([
      db.reviewers.toArray(),
      db.tools.bulkGet([...delTools]),
      db.verdicts.bulkGet([...new Set([...delVerdicts, ...upVerdicts.keys()])]),
      db.comparisons.bulkGet(namedComparisonIds),
      db.meta.get('current'),
    ]);
    const installedReviewers = new Set<string>(oldReviewers.map((r) => r.id));
    const exists = {
      reviewers: installedReviewers,
      tools: new Set(present(namedTools).map((t) => t.id)),
      verdicts: new Set(present(namedVerdicts).map((v) => v.id)),
      comparisons: new Set(present(namedComparisons).map((c) => c.id)),
    };
    for (const kind of CHANGE_KINDS)
      del(kind).forEach((id, i) => {
        if (!exists[kind].has(id))
          problems.add({
            path: [kind, 'deletes', i],
            ...problem('noRecord', { id }),
          });
      });
    problems.check();

    // The tools whose rows change: upserted or deleted, or gaining or losing a verdict.
    const affected = new Set<string>([...upTools.keys(), ...delTools]);
    for (const v of verdicts) affected.add(v.toolId);
    for (const v of present(namedVerdicts)) affected.add(v.toolId);
    const touched = [...affected];
    const verdictIdsNamed = [...new Set(comparisons.flatMap((c) => c.verdictIds))];
    const [oldTools, oldAnswers, oldKeys, namedByComparisons, comparisonsOfNamed, lookup, search] =
      await Promise.all([
        db.tools.bulkGet(touched),
        db.answers.bulkGet(touched),
        // One index read per key, all sent at once: anyOf walks one cursor from key to key, a
        // round trip each (4 s of a 1 % delta at 100,000 tools went to these two reads).
        allEqual(db.matchKeys, 'toolId', touched),
        db.verdicts.bulkGet(verdictIdsNamed),
        allEqual(db.comparisons, 'verdictIds', [...new Set([...verdictIdsNamed, ...delVerdicts])]),
        db.lookupIndex.get(OVERLAY),
        db.searchIndex.get(OVERLAY),
      ]);

    // The reviewers after the change, and every review naming one.
    const reviewersAfter = new Set<string>([...installedReviewers, ...reviewers.map((r) => r.id)]);
    for (const id of delReviewers) reviewersAfter.delete(id);
    verdicts.forEach((v, i) =>
      v.reviews.forEach((r, j) => {
        if (!reviewersAfter.has(r.reviewerId))
          problems.add({
            path: ['verdicts', 'upserts', i, 'reviews', j, 'reviewerId'],
            ...problem('unknownReviewer', { id: r.reviewerId }),
          });
      }),
    );
    if (delReviewers.size > 0) {
      // No index finds reviews by reviewer: every answer is read (rare: the panel has six).
      const untouched = (await db.answers.toArray()).filter((a) => !affected.has(a.toolId));
      for (const a of untouched)
        for (const v of a.verdicts)
          for (const r of v.reviews)
            if (delReviewers.has(r.reviewerId))
              problems.add({
                path: ['reviewers', 'deletes', [...delReviewers].indexOf(r.reviewerId)],
                ...problem('reviewStays', { verdict: v.id, reviewer: r.reviewerId }),
              });
    }

    // Each touched tool's rows after the change.
    const oldToolOf = byIds(present(oldTools));
    const oldAnswerOf = new Map(present(oldAnswers).map((a) => [a.toolId, a]));
    const next: GroupRows = { tools: [], verdicts: [], matchKeys: [], answers: [] };
    for (const toolId of touched) {
      const tool: Tool | undefined =
        upTools.get(toolId) ??
        (delTools.has(toolId) ? undefined : plainTool(oldToolOf.get(toolId)));
      const list = verdictsAfter(
        toolId,
        oldAnswerOf.get(toolId),
        upVerdicts,
        delVerdicts,
        verdicts,
      );
      if (!tool) {
        for (const v of list) {
          const i = verdicts.indexOf(v);
          problems.add(
            i >= 0
              ? {
                  path: ['verdicts', 'upserts', i, 'toolId'],
                  ...problem('unknownTool', { id: toolId }),
                }
              : {
                  path: ['tools', 'deletes', del('tools').indexOf(toolId)],
                  ...problem('toolStaysNamed', { verdict: v.id, tool: toolId }),
                },
          );
        }
        continue;
      }
      if (list.length > LIMITS.verdictsPerTool)
        problems.add({
          path: ['verdicts', 'upserts'],
          ...problem('toolVerdicts', { tool: toolId, max: LIMITS.verdictsPerTool }),
        });
      const rows = groupRows([tool], list);
      for (const name of ['tools', 'verdicts', 'matchKeys', 'answers'] as const)
        (next[name] as object[]).push(...rows[name]);
    }

    // Match keys: one owner each, among the touched tools and with every other tool.
    // A key a touched tool holds now is owned by it: only the others are looked up.
    const oldOwner = new Map(oldKeys.map((k) => [k.key, k.toolId]));
    const unknown = [...new Set(next.matchKeys.map((k) => k.key))].filter((k) => !oldOwner.has(k));
    const found = await db.matchKeys.bulkGet(unknown);
    const owner = new Map(oldOwner);
    found.forEach((row) => row && owner.set(row.key, row.toolId));
    const claimed = new Map<string, string>();
    next.matchKeys.forEach((k) => {
      const other = claimed.get(k.key) ?? owner.get(k.key);
      if (other !== undefined && other !== k.toolId && (claimed.has(k.key) || !affected.has(other)))
        problems.add({
          path: ['tools', 'upserts', tools.findIndex((t) => t.id === k.toolId)],
          ...problem('taken', { value: k.key, owner: other }),
        });
      claimed.set(k.key, k.toolId);
    });

    // Comparisons: every verdict they name exists afterwards, each verdict in at most 50.
    const verdictExists = (id: string) =>
      upVerdicts.has(id) ||
      (!delVerdicts.has(id) && namedByComparisons[verdictIdsNamed.indexOf(id)] !== undefined);
    comparisons.forEach((c, i) =>
      c.verdictIds.forEach((id, j) => {
        if (!verdictExists(id))
          problems.add({
            path: ['comparisons', 'upserts', i, 'verdictIds', j],
            ...problem('unknownVerdict', { id }),
          });
      }),
    );
    const kept = comparisonsOfNamed.filter(
      (c) => !delComparisons.has(c.id) && !upComparisons.has(c.id),
    );
    for (const c of kept)
      for (const id of c.verdictIds)
        if (delVerdicts.has(id))
          problems.add({
            path: ['verdicts', 'deletes', del('verdicts').indexOf(id)],
            ...problem('verdictStaysNamed', { comparison: c.id, verdict: id }),
          });
    const perVerdict = new Map<string, number>();
    for (const c of [...kept, ...comparisons])
      for (const id of c.verdictIds) perVerdict.set(id, (perVerdict.get(id) ?? 0) + 1);
    for (const id of verdictIdsNamed)
      if ((perVerdict.get(id) ?? 0) > LIMITS.comparisonsPerVerdict)
        problems.add({
          path: ['comparisons', 'upserts'],
          ...problem('verdictComparisons', { verdict: id, max: LIMITS.comparisonsPerVerdict }),
        });
    problems.check();

    // The index overlays (rows.ts IndexPartId), merged before anything is written (a mismatch
    // means a rebuild after): the base parts are neither read nor written, so a change costs
    // what its tools and the overlay weigh, not the dataset.
    let indexes: { lookup: LookupIndexRow; search: SearchIndexRow } | null = null;
    try {
      indexes = mergeOverlays(
        lookup ?? { ...buildLookupIndex([], []), id: OVERLAY, tools: [], drops: [] },
        search ?? { ...emptySearchRow(), id: OVERLAY, drops: [] },
        { affected, oldKeys, oldAnswers: present(oldAnswers), next },
      );
    } catch (error) {
      if (!(error instanceof IndexMismatch)) throw error;
    }

    // Only what is not written again: a put replaces a row of the same key, and deleting it first
    // doubled the writes (a 1 % delta at 100,000 tools spent half a second on it).
    const keysAfter = new Set(next.matchKeys.map((k) => k.key));
    // The slim verdict rows as installed, from the old answers (newest first, as ranked): a
    // touched tool's other verdicts mostly keep theirs.
    const oldSlim = new Map<string, string>();
    for (const a of present(oldAnswers))
      a.verdicts.forEach((v, i) =>
        oldSlim.set(v.id, JSON.stringify(verdictRow({ ...v, recency: a.verdicts.length - i }))),
      );
    const answersAfter = new Set(next.answers.map((a) => a.toolId));
    await Promise.all([
      db.tools.bulkDelete([...delTools]),
      db.verdicts.bulkDelete([...delVerdicts]),
      db.matchKeys.bulkDelete(oldKeys.map((k) => k.key).filter((key) => !keysAfter.has(key))),
      db.answers.bulkDelete(touched.filter((id) => !answersAfter.has(id))),
      db.reviewers.bulkDelete([...delReviewers]),
      db.comparisons.bulkDelete([...delComparisons]),
    ]);
    await Promise.all([
      // A tool the change does not name keeps its row (its verdicts changed).
      db.tools.bulkPut(next.tools.filter((t) => upTools.has(t.id))),
      db.verdicts.bulkPut(next.verdicts.filter((v) => oldSlim.get(v.id) !== JSON.stringify(v))),
      // A key its tool keeps is the same row: most changes rename or rescore, not re-key.
      db.matchKeys.bulkPut(next.matchKeys.filter((k) => oldOwner.get(k.key) !== k.toolId)),
      db.answers.bulkPut(next.answers),
      db.reviewers.bulkPut([...reviewers]),
      db.comparisons.bulkPut([...comparisons]),
    ]);
    if (!indexes) {
      // The stored overlay did not match the rows (something else touched the database): the
      // whole index built from the slim rows, as a repair does, in place of every part.
      const rebuilt = runNow(indexRowSteps(await readSlimRows(db)));
      indexes = { lookup: rebuilt.lookupIndex, search: rebuilt.searchIndex };
      await Promise.all([db.lookupIndex.clear(), db.searchIndex.clear()]);
    }
    await Promise.all([db.lookupIndex.put(indexes.lookup), db.searchIndex.put(indexes.search)]);
    const counts = oldMeta
      ? {
          // From the installed counts and what the change adds and removes: counting 100,000
          // rows is a walk over each table (0.7 s of a 1 % delta).
          tools: oldMeta.counts.tools + added(upTools, (id) => oldToolOf.has(id)) - delTools.size,
          verdicts:
            oldMeta.counts.verdicts +
            added(upVerdicts, (id) => exists.verdicts.has(id)) -
            delVerdicts.size,
          reviewers: reviewersAfter.size,
          comparisons:
            oldMeta.counts.comparisons +
            added(upComparisons, (id) => exists.comparisons.has(id)) -
            delComparisons.size,
        }
      : await countRows(db);
    const row: MetaRow = {
      ...meta,
      id: 'current',
      counts,
    };
    await db.meta.put(row);
    return row;
  });
}

/** How many of `upserts` are new (not `installed`). */
const added = (upserts: ReadonlyMap<string, unknown>, installed: (id: string) => boolean) =>
  [...upserts.keys()].filter((id) => !installed(id)).length;

const countRows = async (db: VerdictDb): Promise<MetaRow['counts']> => {
  const [tools, verdicts, reviewers, comparisons] = await Promise.all([
    db.tools.count(),
    db.verdicts.count(),
    db.reviewers.count(),
    db.comparisons.count(),
  ]);
  return { tools, verdicts, reviewers, comparisons };
};

/** Every row whose `index` equals one of `values`, each once. */
async function allEqual<T extends object>(
  table: Table<T, string>,
  index: string,
  values: readonly string[],
): Promise<T[]> {
  const lists = await Promise.all(values.map((v) => table.where(index).equals(v).toArray()));
  const seen = new Set<unknown>();
  const pk = table.schema.primKey.keyPath as string;
  return lists.flat().filter((row) => {
    const id = (row as Record<string, unknown>)[pk];
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const plainTool = (row: ToolRow | undefined): Tool | undefined => {
  if (!row) return undefined;
  const { nameLower: _nameLower, ...tool } = row;
  return tool;
};
