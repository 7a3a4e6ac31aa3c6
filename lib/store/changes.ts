import type { Comparison, RecordIssue, Reviewer, Tool, Verdict } from '../feed/schema';
import { problem } from '../feed/problems';
import type { MetaRow } from '../model/dataset-meta';

/** Records of one kind to write (whole records, as the feed has them) and ids to delete. */
export interface RecordChanges<T> {
  upserts?: readonly T[];
  deletes?: readonly string[];
}

/**
 * One change to the installed dataset, as an incremental sync hands it over: records already
 * checked one by one (lib/feed's schemas); the rules across records are applyChanges' to check.
 */
export interface DatasetChanges {
  reviewers?: RecordChanges<Reviewer>;
  tools?: RecordChanges<Tool>;
  verdicts?: RecordChanges<Verdict>;
  comparisons?: RecordChanges<Comparison>;
}

export const CHANGE_KINDS = ['reviewers', 'tools', 'verdicts', 'comparisons'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What the meta row says after the change; applyChanges counts the records itself. */
export type ChangeMeta = Omit<MetaRow, 'id' | 'counts'>;

/** Most problems one refusal lists (as many as a feed's check stops after). */
export const MAX_CHANGE_PROBLEMS = 50;

/**
 * A change that does not apply to the installed dataset: nothing of it was written. `problems`
 * name where, as paths into the change (`['verdicts', 'upserts', 3, 'toolId']`).
 */
export class ChangeRefused extends Error {
  constructor(readonly problems: readonly RecordIssue[]) {
    const first = problems[0];
    super(
      first
        ? `The change does not apply: ${first.path.join('.')}: ${first.message}` +
            (problems.length > 1 ? ` (and ${problems.length - 1} more)` : '')
        : 'The change does not apply.',
    );
    this.name = 'ChangeRefused';
  }
}

/** Collects problems; `add` says whether more are wanted (checkReferences' convention). */
export class Problems {
  readonly list: RecordIssue[] = [];
  add = (issue: RecordIssue): boolean => {
    if (this.list.length < MAX_CHANGE_PROBLEMS) this.list.push(issue);
    return this.list.length < MAX_CHANGE_PROBLEMS;
  };
  /** Throws ChangeRefused when there are any. */
  check(): void {
    if (this.list.length > 0) throw new ChangeRefused(this.list);
  }
}

/**
 * The rules a change must keep by itself, before the database is read: no id upserted twice or
 * deleted twice, none both upserted and deleted.
 */
export function checkChangeShape(changes: DatasetChanges, problems: Problems): void {
  for (const kind of CHANGE_KINDS) {
    const { upserts = [], deletes = [] } = changes[kind] ?? {};
    const upserted = new Set<string>();
    upserts.forEach((record, i) => {
      if (upserted.has(record.id))
        problems.add({
          path: [kind, 'upserts', i, 'id'],
          ...problem('duplicateId', { id: record.id }),
        });
      upserted.add(record.id);
    });
    const deleted = new Set<string>();
    deletes.forEach((id, i) => {
      if (deleted.has(id))
        problems.add({ path: [kind, 'deletes', i], ...problem('deletedTwice', { id }) });
      else if (upserted.has(id))
        problems.add({
          path: [kind, 'deletes', i],
          ...problem('upsertedAndDeleted', { id }),
        });
      deleted.add(id);
    });
  }
}
