import { addHash, formatDigest, lineHash, parseDigest, subtractHash } from '../../feed/v2/digest';
import {
  DeltaLineSchema,
  RECORD_LISTS,
  type DeltaRef,
  type RecordKind,
  type ShardLine,
} from '../../feed/v2/schema';
import type { MetaRow, SyncError } from '../../model/dataset-meta';
import { applyChanges } from '../../store/apply-changes';
import type { ChangeMeta, DatasetChanges } from '../../store/changes';
import type { VerdictDb } from '../../store/db';
import { fetchNamedFile, type FileDeps } from './fetch-file';
import { parseLines } from './shard-lines';

/**
 * A delta from the installed seq straight to the manifest's: its changes are checked against the
 * whole-state digest before anything is written (the installed records it replaces or deletes
 * are hashed, the new ones added), then applied in one transaction. A digest that does not come
 * out, or changes that do not apply, send the sync to the full install instead.
 */

/** Writes a checked change to the live dataset (store/apply-changes.ts; tests may stand in). */
export type ApplyChanges = (
  db: VerdictDb,
  changes: DatasetChanges,
  meta: ChangeMeta,
) => Promise<MetaRow>;

export type DeltaOutcome =
  | { kind: 'applied'; meta: MetaRow }
  /** Not this delta: the sync falls back to the shards. */
  | { kind: 'fallback'; reason: string }
  /** The file is not what the signed manifest names: the whole sync is refused. */
  | { kind: 'refused'; error: SyncError };

/**
 * The installed records the delta names, as shard lines by `kind:id`: a few bulk reads, not two
 * round trips per record (a 1 % delta at 100,000 tools names about 1,000).
 */
async function installedLines(
  db: VerdictDb,
  names: readonly { kind: RecordKind; id: string }[],
): Promise<Map<string, ShardLine>> {
  const ids = (kind: RecordKind) => names.filter((n) => n.kind === kind).map((n) => n.id);
  const [reviewers, tools, comparisons, slims] = await db.transaction(
    'r',
    [db.reviewers, db.tools, db.comparisons, db.verdicts],
    () =>
      Promise.all([
        db.reviewers.bulkGet(ids('reviewer')),
        db.tools.bulkGet(ids('tool')),
        db.comparisons.bulkGet(ids('comparison')),
        db.verdicts.bulkGet(ids('verdict')),
      ]),
  );
  // The whole verdict lives in its tool's answer; the verdicts table keeps the slim row.
  const toolIds = [...new Set(slims.flatMap((v) => (v ? [v.toolId] : [])))];
  const answers = await db.answers.bulkGet(toolIds);
  const out = new Map<string, ShardLine>();
  for (const r of reviewers) if (r) out.set(`reviewer:${r.id}`, { kind: 'reviewer', record: r });
  for (const row of tools)
    if (row) {
      const { nameLower: _nameLower, ...record } = row;
      out.set(`tool:${row.id}`, { kind: 'tool', record });
    }
  for (const c of comparisons)
    if (c) out.set(`comparison:${c.id}`, { kind: 'comparison', record: c });
  const wanted = new Set(slims.flatMap((v) => (v ? [v.id] : [])));
  for (const answer of answers)
    for (const v of answer?.verdicts ?? [])
      if (wanted.has(v.id)) out.set(`verdict:${v.id}`, { kind: 'verdict', record: v });
  return out;
}

export async function applyDelta(
  db: VerdictDb,
  input: {
    ref: DeltaRef;
    manifestUrl: string;
    digest: string;
    installedDigest: string;
    meta: ChangeMeta;
  },
  deps: FileDeps & { apply?: ApplyChanges },
): Promise<DeltaOutcome> {
  const file = await fetchNamedFile(input.manifestUrl, input.ref, deps);
  // A delta that is not the file the manifest names is an attack or a broken upload: refused.
  // One that did not arrive (gone from the server, a network error) leaves the shards to try.
  if (!file.ok && file.error.code === 'hash-mismatch')
    return { kind: 'refused', error: file.error };
  if (!file.ok) return { kind: 'fallback', reason: file.error.message };
  const parsed = parseLines(file.text, DeltaLineSchema, input.ref.path);
  if (!parsed.ok) return { kind: 'fallback', reason: parsed.problems[0] ?? 'invalid delta' };
  let digest = parseDigest(input.installedDigest);
  if (digest === null) return { kind: 'fallback', reason: 'no digest is installed' };
  const names: { kind: RecordKind; id: string; key: string }[] = [];
  const seen = new Set<string>();
  for (const line of parsed.lines) {
    const id = line.op === 'put' ? line.record.id : line.id;
    const key = `${line.kind}:${id}`;
    if (seen.has(key)) return { kind: 'fallback', reason: `${key} changes twice in one delta` };
    seen.add(key);
    names.push({ kind: line.kind, id, key });
  }
  const installed = await installedLines(db, names);
  // A kind is in the change once it has a record to put or delete.
  const changes: DatasetChanges = {};
  const changesOf = (kind: RecordKind) =>
    (changes[RECORD_LISTS[kind]] ??= { upserts: [], deletes: [] }) as {
      upserts: object[];
      deletes: string[];
    };
  // Every line's hash at once: one digest awaited after another left WebCrypto idle between
  // them (a 1 % delta at 100,000 tools hashes about 5,000 lines).
  const olds = names.map(({ key }) => installed.get(key));
  const [oldHashes, newHashes] = await Promise.all([
    Promise.all(olds.map((old) => (old ? lineHash(old) : null))),
    Promise.all(
      parsed.lines.map((line) =>
        line.op === 'put' ? lineHash({ kind: line.kind, record: line.record } as ShardLine) : null,
      ),
    ),
  ]);
  for (const [i, line] of parsed.lines.entries()) {
    const { id } = names[i]!;
    const old = oldHashes[i];
    if (old !== null && old !== undefined) digest = subtractHash(digest, old);
    const next = newHashes[i];
    if (line.op === 'put' && next !== null && next !== undefined) {
      digest = addHash(digest, next);
      changesOf(line.kind).upserts.push(line.record);
    } else if (olds[i]) {
      // A composed delta (from an older seq) may delete what that seq never had: nothing to do.
      changesOf(line.kind).deletes.push(id);
    }
  }
  if (formatDigest(digest) !== input.digest)
    return {
      kind: 'fallback',
      reason: 'the dataset after the delta would not match the manifest’s digest',
    };
  try {
    const meta = await (deps.apply ?? applyChanges)(db, changes, input.meta);
    return { kind: 'applied', meta };
  } catch (error) {
    return { kind: 'fallback', reason: error instanceof Error ? error.message : String(error) };
  }
}
