import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Feed } from '../../lib/feed/schema';
import { formatDigest } from '../../lib/feed/v2/digest';
import { ManifestSchema, V2_LIMITS, type DeltaRef, type Manifest } from '../../lib/feed/v2/schema';
import { toBase64 } from '../../lib/feed/v2/signature';
import { InputError } from '../importer/files';
import type { SigningKey } from './keys';
import {
  composeChanges,
  deltaFileOf,
  diffStates,
  planShards,
  PublishError,
  type PlannedFile,
} from './layout';
import { sha256Hex, stateCounts, stateDigest, stateOfFeed } from './records';
import { MANIFEST_FILE, readTree, SIGNATURE_FILE } from './tree';

/**
 * `verdicts publish`: a validated v1 feed → a signed v2 tree (docs/feed-format.md, version 2).
 * Everything is read and checked first; only then are files written, content-addressed files
 * before the signature and the manifest, each through a temporary file and a rename, so a
 * publication that stops half way leaves the previous manifest in charge of files still there.
 */

export const DEFAULT_EXPIRES_IN_DAYS = 30;
export const DEFAULT_KEEP_DELTAS = 8;

export interface PublishOptions {
  feed: Feed;
  key: SigningKey;
  outDir: string;
  /** A tree published before (often `outDir` itself): seq + 1, deltas from its seqs. */
  previousDir?: string;
  /** Allow the previous tree to be signed by another key (a key rotation). */
  newKey?: boolean;
  generatedAt: string;
  expiresInDays?: number;
  shardTarget: number;
  keepDeltas?: number;
  warn?: (message: string) => void;
}

export interface DeltaSummary {
  from: number;
  bytes: number;
  records: number;
  /** Why it is not in the manifest; absent when it is. */
  dropped?: string;
  /** `bytes` is a lower bound: the delta was dropped before its text was written out. */
  atLeast?: boolean;
}

export interface PublishResult {
  manifest: Manifest;
  manifestText: string;
  /** Shards the previous manifest named too: unchanged, so a cache serves them again. */
  keptShards: number;
  deltas: DeltaSummary[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function writeAtomic(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new InputError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** A content-addressed file is written unless a file of the same bytes is already there. */
async function writeAddressed(path: string, file: PlannedFile): Promise<void> {
  try {
    if (sha256Hex(await readFile(path)) === file.sha256) return;
  } catch {
    // Not there (or unreadable): written below.
  }
  await writeAtomic(path, file.text);
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { key, generatedAt } = options;
  const warn = options.warn ?? (() => {});
  const expiresInDays = options.expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS;
  const keepDeltas = Math.min(options.keepDeltas ?? DEFAULT_KEEP_DELTAS, V2_LIMITS.deltas);
  const state = stateOfFeed(options.feed);

  let previous: Awaited<ReturnType<typeof readTree>> | undefined;
  if (options.previousDir === undefined && (await exists(join(options.outDir, MANIFEST_FILE))))
    // A seq 1 over a later seq would be refused by every client that has the later one.
    throw new PublishError(
      `${options.outDir} already holds a publication: give --previous ${options.outDir} to publish the next seq, or another --out`,
    );
  if (options.previousDir !== undefined) {
    previous = await readTree(options.previousDir, {
      publicKey: options.newKey ? undefined : key.publicKey,
      missingDeltasOk: true,
    });
    if (previous.problems.length > 0 || !previous.manifest) {
      const rotated =
        !options.newKey &&
        previous.manifest !== null &&
        previous.manifest.publicKey !== key.publicKey;
      throw new PublishError(
        `the previous publication does not verify, so nothing was written:\n  ${previous.problems.join('\n  ')}` +
          (rotated
            ? '\n(it is signed by another key: give --new-key to publish under this one; clients that pinned the old key refuse it until the user pastes the new key)'
            : ''),
      );
    }
    for (const from of previous.missingDeltas)
      warn(`the previous delta from seq ${from} is not in the previous directory: not carried on`);
    if (Date.parse(generatedAt) < Date.parse(previous.manifest.generatedAt))
      throw new PublishError(
        `--generated-at ${generatedAt} is before the previous publication's ${previous.manifest.generatedAt}`,
      );
  }
  const seq = previous?.manifest ? previous.manifest.seq + 1 : 1;
  const plan = planShards(state, options.shardTarget, previous?.manifest?.shards.length);

  const deltas: DeltaSummary[] = [];
  const deltaFiles: { ref: DeltaRef; file: PlannedFile }[] = [];
  if (previous?.manifest) {
    const direct = diffStates(previous.state, state);
    const candidates = [{ from: previous.manifest.seq, changes: direct }];
    for (const older of [...previous.deltas].sort((a, b) => b.from - a.from)) {
      if (older.changes === null) continue;
      candidates.push({ from: older.from, changes: composeChanges(older.changes, direct, state) });
    }
    for (const [i, { from, changes }] of candidates.entries()) {
      // Each put's line is its record's shard line and a little more: a delta these alone put
      // over a cap is dropped without writing out its text (at 100,000 tools, 176 MB of it).
      const atLeast = changes.reduce((n, c) => n + (c.op === 'put' ? c.entry.text.length : 0), 0);
      const tooBig =
        atLeast > V2_LIMITS.deltaBytes
          ? `over the ${V2_LIMITS.deltaBytes.toLocaleString('en-US')}-byte cap`
          : atLeast > plan.bytes / 2
            ? 'over half the snapshot'
            : null;
      if (i < keepDeltas && tooBig) {
        deltas.push({
          from,
          bytes: atLeast,
          records: changes.length,
          dropped: tooBig,
          atLeast: true,
        });
        continue;
      }
      const file = deltaFileOf(changes);
      const summary: DeltaSummary = { from, bytes: file.bytes, records: file.records };
      if (i >= keepDeltas) summary.dropped = `only ${keepDeltas} earlier seqs are kept`;
      else if (file.bytes > V2_LIMITS.deltaBytes)
        summary.dropped = `over the ${V2_LIMITS.deltaBytes.toLocaleString('en-US')}-byte cap`;
      else if (file.bytes > plan.bytes / 2) summary.dropped = 'over half the snapshot';
      else {
        const path = `deltas/${file.sha256}.ndjson`;
        const ref = { from, path, sha256: file.sha256, bytes: file.bytes, records: file.records };
        deltaFiles.push({ ref, file });
      }
      deltas.push(summary);
    }
  }

  const expiresAt = new Date(Date.parse(generatedAt) + expiresInDays * 86_400_000).toISOString();
  const manifest: Manifest = {
    format: 'verdict-lens-feed',
    version: 2,
    seq,
    generatedAt,
    expiresAt,
    publicKey: key.publicKey,
    counts: stateCounts(state),
    digest: formatDigest(stateDigest(state)),
    shards: plan.shards.map((shard) => ({
      path: `shards/${shard.sha256}.ndjson`,
      sha256: shard.sha256,
      bytes: shard.bytes,
      records: shard.records,
    })),
    deltas: deltaFiles.map(({ ref }) => ref),
  };
  const checked = ManifestSchema.safeParse(manifest);
  if (!checked.success)
    throw new PublishError(`the manifest would be invalid: ${checked.error.issues[0]?.message}`);
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const signature = await key.sign(new TextEncoder().encode(manifestText));

  // Writes: content-addressed files first, then the signature and the manifest.
  const out = options.outDir;
  await mkdir(join(out, 'shards'), { recursive: true });
  await mkdir(join(out, 'deltas'), { recursive: true });
  for (const [i, shard] of plan.shards.entries())
    await writeAddressed(join(out, manifest.shards[i]!.path), shard);
  for (const { ref, file } of deltaFiles) await writeAddressed(join(out, ref.path), file);
  await writeAtomic(join(out, SIGNATURE_FILE), `${toBase64(signature)}\n`);
  await writeAtomic(join(out, MANIFEST_FILE), manifestText);
  const before = new Set(previous?.manifest?.shards.map((shard) => shard.path));
  const keptShards = manifest.shards.filter((shard) => before.has(shard.path)).length;
  return { manifest, manifestText, keptShards, deltas };
}
