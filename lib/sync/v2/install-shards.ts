import {
  checkReferences,
  LIMITS,
  type Comparison,
  type Reviewer,
  type Tool,
  type Verdict,
} from '../../feed/schema';
import { bucketOf, placementKey } from '../../feed/v2/placement';
import { ShardLineSchema, type Manifest, type ShardLine } from '../../feed/v2/schema';
import type { MetaRow, SyncError } from '../../model/dataset-meta';
import { toolMatchKeys } from '../../model/match-keys';
import { runNow } from '../../model/steps';
import { DATA_TABLES, type VerdictDb } from '../../store/db';
import { groupRows } from '../../store/group-rows';
import { badgesFromAnswers, buildLookupIndex } from '../../store/lookup-index';
import type { IndexPartId } from '../../store/rows';
import { buildSearchRow } from '../../store/search-pack';
import { searchSourcesOf } from '../../store/search-source';
import { eachPage } from '../../store/search-store';
import { emptyDataset, type DatasetSlots } from '../../store/slots';
import { syncError } from '../fetch-feed';
import { fetchNamedFile, type FileDeps } from './fetch-file';
import { parseLines } from './shard-lines';

/**
 * A full v2 install: every shard into the spare database, one shard (at most V2_LIMITS.shardBytes)
 * in memory at a time, each written in its own transaction with the staging record that says it
 * is done, with its part of both indexes; then the dataset-wide checks, the meta row, and the
 * pointer moved. A worker stopped anywhere leaves the live dataset answering, and the next sync
 * of the same manifest carries on from the shards already in. A refusal empties the spare again.
 */

export class InstallRefused extends Error {
  constructor(readonly error: SyncError) {
    super(error.message);
    this.name = 'InstallRefused';
  }
}

export interface ShardInstallInput {
  manifest: Manifest;
  manifestSha: string;
  manifestUrl: string;
  /** The meta row to write with the dataset, once it is complete. */
  meta: MetaRow;
}

/** Failures of the network, not of the feed: the shards already in are kept for the next try. */
const TRANSIENT: ReadonlySet<SyncError['code']> = new Set(['network', 'timeout', 'http']);

/** One shard's records, by kind. */
function shardRecords(lines: readonly ShardLine[]) {
  const reviewers: Reviewer[] = [];
  const tools: Tool[] = [];
  const verdicts: Verdict[] = [];
  const comparisons: Comparison[] = [];
  for (const line of lines) {
    if (line.kind === 'reviewer') reviewers.push(line.record);
    else if (line.kind === 'tool') tools.push(line.record);
    else if (line.kind === 'verdict') verdicts.push(line.record);
    else comparisons.push(line.record);
  }
  return { reviewers, tools, verdicts, comparisons };
}

export async function installShards(
  slots: DatasetSlots,
  input: ShardInstallInput,
  deps: FileDeps,
): Promise<MetaRow> {
  const { manifest } = input;
  const target = slots.spare();
  const staged = await slots.staging();
  const done = new Set<string>();
  // How many match keys the shards in hold by their tools' own match rules (see finish).
  let keys = 0;
  if (
    staged &&
    staged.manifest === input.manifestSha &&
    staged.name === target.name &&
    staged.keys !== undefined
  ) {
    for (const path of staged.done) done.add(path);
    keys = staged.keys;
  } else {
    await emptyDataset(target);
    await slots.markStaging({
      id: 'staging',
      name: target.name,
      manifest: input.manifestSha,
      done: [],
      keys: 0,
    });
  }
  const refuse = async (error: SyncError): Promise<never> => {
    await emptyDataset(target);
    await slots.dropStaging();
    throw new InstallRefused(error);
  };
  const now = deps.now;
  const count = manifest.shards.length;
  // The reviewers' shard first: every other shard's reviews are checked against it.
  const reviewersAt = bucketOf('reviewers', count);
  const order = [reviewersAt, ...manifest.shards.keys()].filter(
    (i, n, all) => all.indexOf(i) === n,
  );
  let reviewers: Reviewer[] | null = done.has(manifest.shards[reviewersAt]!.path)
    ? await target.reviewers.toArray()
    : null;
  for (const index of order) {
    const ref = manifest.shards[index]!;
    if (done.has(ref.path)) continue;
    const file = await fetchNamedFile(input.manifestUrl, ref, deps);
    // A download that broke off is tried again at the next sync, from this shard on.
    if (!file.ok && TRANSIENT.has(file.error.code)) throw new InstallRefused(file.error);
    if (!file.ok) return refuse(file.error);
    const parsed = parseLines(file.text, ShardLineSchema, ref.path);
    if (!parsed.ok) {
      const error = syncError(
        'invalid',
        { code: 'shardInvalid', params: { problem: parsed.problems[0] ?? '' } },
        `The feed was refused: ${parsed.problems[0]}.`,
        now(),
      );
      error.problems = parsed.problems;
      error.problemCount = parsed.count;
      return refuse(error);
    }
    const misplaced = parsed.lines.findIndex((l) => bucketOf(placementKey(l), count) !== index);
    if (misplaced !== -1)
      return refuse(
        syncError(
          'invalid',
          { code: 'misplaced', params: { path: ref.path, line: misplaced + 1 } },
          `The feed was refused: ${ref.path} line ${misplaced + 1}: a record placed in the wrong shard.`,
          now(),
        ),
      );
    const records = shardRecords(parsed.lines);
    if (index === reviewersAt) reviewers = records.reviewers;
    else if (records.reviewers.length > 0)
      return refuse(
        syncError(
          'invalid',
          { code: 'shardReviewers', params: { path: ref.path } },
          `The feed was refused: ${ref.path} holds reviewers.`,
          now(),
        ),
      );
    // The rules inside a shard: a tool and its verdicts share it, so these see all of them.
    const issues: string[] = [];
    runNow(
      checkReferences(
        {
          version: 1,
          generatedAt: manifest.generatedAt,
          reviewers: reviewers ?? [],
          tools: records.tools,
          verdicts: records.verdicts,
          comparisons: [],
        },
        (issue) => issues.push(`${ref.path}: ${issue.message}`) < 20,
      ),
    );
    if (issues.length > 0) {
      const error = syncError(
        'invalid',
        { code: 'shardInvalid', params: { problem: issues[0] ?? '' } },
        `The feed was refused: ${issues[0]}.`,
        now(),
      );
      error.problems = issues;
      error.problemCount = issues.length;
      return refuse(error);
    }
    // A tool and its verdicts share a shard (placement.ts), checked above: each group is whole.
    const rows = {
      reviewers: records.reviewers,
      comparisons: records.comparisons,
      ...groupRows(records.tools, records.verdicts),
    };
    // The shard's own part of both indexes (rows.ts IndexPartId), when it holds tools: its
    // tools are no other shard's, so no step of the install holds more of the index than this.
    const part = shardPartId(index);
    const indexes =
      rows.tools.length === 0
        ? null
        : {
            lookup: {
              ...buildLookupIndex(rows.matchKeys, badgesFromAnswers(rows.answers)),
              id: part,
            },
            search: { ...buildSearchRow(searchSourcesOf(rows.tools, rows.verdicts)), id: part },
          };
    await target.transaction(
      'rw',
      DATA_TABLES.map((n) => target.table(n)),
      async () => {
        for (const name of [
          'reviewers',
          'tools',
          'verdicts',
          'comparisons',
          'matchKeys',
          'answers',
        ] as const) {
          const list: readonly object[] = rows[name];
          if (list.length > 0) await target.table(name).bulkPut(list);
        }
        if (indexes)
          await Promise.all([
            target.lookupIndex.put(indexes.lookup),
            target.searchIndex.put(indexes.search),
          ]);
      },
    );
    done.add(ref.path);
    keys += rows.tools.reduce((n, t) => n + toolMatchKeys(t.match).length, 0);
    await slots.markStaging({
      id: 'staging',
      name: target.name,
      manifest: input.manifestSha,
      done: [...done],
      keys,
    });
  }
  await finish(target, manifest, keys, refuse, now);
  await target.meta.put(input.meta);
  await slots.switchTo(target);
  return input.meta;
}

/** A shard's index part: `s` and its place in the manifest, so the parts sort as the shards. */
export const shardPartId = (index: number): IndexPartId => `s${index.toString().padStart(4, '0')}`;

/**
 * The rules across shards, from counts and pages of rows: nothing holds the whole dataset (the
 * indexes were written shard by shard).
 */
async function finish(
  db: VerdictDb,
  manifest: Manifest,
  wantKeys: number,
  refuse: (error: SyncError) => Promise<never>,
  now: () => Date,
): Promise<void> {
  const [tools, verdicts, reviewers, comparisons, keys] = await Promise.all([
    db.tools.count(),
    db.verdicts.count(),
    db.reviewers.count(),
    db.comparisons.count(),
    db.matchKeys.count(),
  ]);
  const wrong = (what: string, got: number, want: number) =>
    refuse(
      syncError(
        'invalid',
        { code: 'countMismatch', params: { kind: what, got, want } },
        `The feed was refused: it holds ${got} ${what}, its manifest says ${want}.`,
        now(),
      ),
    );
  // A repeated id lands on the same row twice (puts), so it shows as a count below the manifest's.
  if (tools !== manifest.counts.tools) return wrong('tools', tools, manifest.counts.tools);
  if (verdicts !== manifest.counts.verdicts)
    return wrong('verdicts', verdicts, manifest.counts.verdicts);
  if (reviewers !== manifest.counts.reviewers)
    return wrong('reviewers', reviewers, manifest.counts.reviewers);
  if (comparisons !== manifest.counts.comparisons)
    return wrong('comparisons', comparisons, manifest.counts.comparisons);
  // A key two tools claim is one row: fewer rows than the tools' keys.
  if (keys !== wantKeys)
    return refuse(
      syncError(
        'invalid',
        { code: 'keyTwice', params: {} },
        'The feed was refused: a match key belongs to two tools.',
        now(),
      ),
    );
  const problem = await comparisonProblem(db);
  if (problem)
    return refuse(
      syncError(
        'invalid',
        { code: 'comparisonRefs', params: { problem } },
        `The feed was refused: ${problem}.`,
        now(),
      ),
    );
}

/** The first comparison rule broken: a page of comparisons at a time, their verdicts looked up. */
async function comparisonProblem(db: VerdictDb): Promise<string | null> {
  const perVerdict = new Map<string, number>();
  let problem: string | null = null;
  await eachPage(
    db.comparisons,
    (c) => c.id,
    async (page) => {
      const named = [...new Set(page.flatMap((c) => c.verdictIds))];
      const found = await db.verdicts.bulkGet(named);
      const known = new Set(named.filter((_, i) => found[i] !== undefined));
      for (const c of page)
        for (const id of c.verdictIds) {
          if (!known.has(id)) {
            problem = `comparison "${c.id}" names unknown verdict "${id}"`;
            return false;
          }
          const n = (perVerdict.get(id) ?? 0) + 1;
          perVerdict.set(id, n);
          if (n > LIMITS.comparisonsPerVerdict) {
            problem = `verdict "${id}" is in more than ${LIMITS.comparisonsPerVerdict} comparisons`;
            return false;
          }
        }
      return true;
    },
  );
  return problem;
}
