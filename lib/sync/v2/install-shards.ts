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
import { runNow, runYielding } from '../../model/steps';
import { DATA_TABLES, type VerdictDb } from '../../store/db';
import { groupRows } from '../../store/group-rows';
import { indexRowSteps, readSlimRows } from '../../store/index-build';
import { emptyDataset, type DatasetSlots } from '../../store/slots';
import { syncError } from '../fetch-feed';
import { fetchNamedFile, type FileDeps } from './fetch-file';
import { parseLines } from './shard-lines';

/**
 * A full v2 install: every shard into the spare database, one shard (at most V2_LIMITS.shardBytes)
 * in memory at a time, each written in its own transaction with the staging record that says it
 * is done; then the dataset-wide checks and indexes, the meta row, and the pointer moved. A worker
 * stopped anywhere leaves the live dataset answering, and the next sync of the same manifest
 * carries on from the shards already in. A refusal empties the spare again.
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
  if (staged && staged.manifest === input.manifestSha && staged.name === target.name) {
    for (const path of staged.done) done.add(path);
  } else {
    await emptyDataset(target);
    await slots.markStaging({
      id: 'staging',
      name: target.name,
      manifest: input.manifestSha,
      done: [],
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
    await target.transaction(
      'rw',
      DATA_TABLES.filter((n) => n !== 'lookupIndex' && n !== 'searchIndex').map((n) =>
        target.table(n),
      ),
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
      },
    );
    done.add(ref.path);
    await slots.markStaging({
      id: 'staging',
      name: target.name,
      manifest: input.manifestSha,
      done: [...done],
    });
  }
  await finish(target, manifest, refuse, now);
  await target.meta.put(input.meta);
  await slots.switchTo(target);
  return input.meta;
}

/** The rules across shards, and the index built from the whole dataset. */
async function finish(
  db: VerdictDb,
  manifest: Manifest,
  refuse: (error: SyncError) => Promise<never>,
  now: () => Date,
): Promise<void> {
  const [slim, reviewers, comparisons] = await Promise.all([
    readSlimRows(db),
    db.reviewers.count(),
    db.comparisons.count(),
  ]);
  const { tools, verdicts } = slim;
  const keys = slim.matchKeys.length;
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
  if (tools.length !== manifest.counts.tools)
    return wrong('tools', tools.length, manifest.counts.tools);
  if (verdicts.length !== manifest.counts.verdicts)
    return wrong('verdicts', verdicts.length, manifest.counts.verdicts);
  if (reviewers !== manifest.counts.reviewers)
    return wrong('reviewers', reviewers, manifest.counts.reviewers);
  if (comparisons !== manifest.counts.comparisons)
    return wrong('comparisons', comparisons, manifest.counts.comparisons);
  const wantKeys = tools.reduce((n, t) => n + toolMatchKeys(t.match).length, 0);
  if (keys !== wantKeys)
    return refuse(
      syncError(
        'invalid',
        { code: 'keyTwice', params: {} },
        'The feed was refused: a match key belongs to two tools.',
        now(),
      ),
    );
  const verdictIds = new Set(verdicts.map((v) => v.id));
  const perVerdict = new Map<string, number>();
  let problem: string | null = null;
  await db.comparisons.each((c) => {
    for (const id of c.verdictIds) {
      if (!verdictIds.has(id)) problem ??= `comparison "${c.id}" names unknown verdict "${id}"`;
      const n = (perVerdict.get(id) ?? 0) + 1;
      perVerdict.set(id, n);
      if (n > LIMITS.comparisonsPerVerdict)
        problem ??= `verdict "${id}" is in more than ${LIMITS.comparisonsPerVerdict} comparisons`;
    }
  });
  if (problem)
    return refuse(
      syncError(
        'invalid',
        { code: 'comparisonRefs', params: { problem } },
        `The feed was refused: ${problem}.`,
        now(),
      ),
    );
  // In slices: at 100,000 tools the build takes about a second, and the live dataset answers meanwhile.
  const { lookupIndex, searchIndex } = await runYielding(indexRowSteps(slim));
  await db.transaction('rw', [db.lookupIndex, db.searchIndex], async () => {
    await db.lookupIndex.put(lookupIndex);
    await db.searchIndex.put(searchIndex);
  });
}
