import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkReferences } from '../../lib/feed/schema';
import { formatPath } from '../../lib/feed/validate';
import { formatDigest } from '../../lib/feed/v2/digest';
import { bucketOf, placementKey } from '../../lib/feed/v2/placement';
import {
  DeltaLineSchema,
  ManifestSchema,
  ShardLineSchema,
  V2_LIMITS,
  type Manifest,
} from '../../lib/feed/v2/schema';
import { parsePublicKey, parseSignature, verifySignature } from '../../lib/feed/v2/signature';
import { runNow } from '../../lib/model/steps';
import {
  changeText,
  entryKey,
  entryOf,
  feedOfState,
  sha256Hex,
  stateCounts,
  stateDigest,
  type Change,
  type State,
} from './records';

/**
 * Reads a published v2 tree (manifest.json, its .sig, the shards and deltas it names) and checks
 * everything a client would, plus what only the whole tree shows: the signature, every file's
 * size and SHA-256, every line against its schema and in canonical form, each record in the
 * shard its placement names, the counts, the digest, the rules across records, and that every
 * delta leads to this state (each put is a record as it is now, each delete a record gone).
 */

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.json.sig';

/** After this many problems the check stops listing (as parseFeed does). */
const MAX_PROBLEMS = 50;

export interface TreeDelta {
  from: number;
  /** The records it touches; null when its file is missing. */
  changes: { kind: Change['kind']; id: string }[] | null;
}

export interface Tree {
  manifest: Manifest | null;
  manifestText: string | null;
  /** The key the signature was checked with, `ed25519:…`. */
  signedBy: string | null;
  state: State;
  deltas: TreeDelta[];
  problems: string[];
  /** Deltas the manifest names whose files are not there (a problem unless `missingDeltasOk`). */
  missingDeltas: number[];
  /** Sum of the shards' bytes. */
  shardBytes: number;
}

export interface TreeOptions {
  /** The key the signature must be by; the manifest's own `publicKey` when absent. */
  publicKey?: string;
  missingDeltasOk?: boolean;
}

class Problems {
  readonly list: string[] = [];
  add(message: string): boolean {
    if (this.list.length < MAX_PROBLEMS) this.list.push(message);
    return this.list.length < MAX_PROBLEMS;
  }
  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
}

async function readCapped(
  path: string,
  cap: number,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; message: string }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: 'is not a file' };
    if (info.size > cap)
      return {
        ok: false,
        message: `is ${info.size.toLocaleString('en-US')} bytes, over the cap of ${cap.toLocaleString('en-US')}`,
      };
    return { ok: true, bytes: await readFile(path) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return { ok: false, message: code === 'ENOENT' ? 'is missing' : (error as Error).message };
  }
}

/** A file's lines: every line ends in '\n', and there are no empty ones. */
function splitLines(text: string): string[] | null {
  if (text === '') return [];
  if (!text.endsWith('\n')) return null;
  const lines = text.slice(0, -1).split('\n');
  return lines.includes('') ? null : lines;
}

/**
 * A shard's or delta's lines, once its bytes are the ones the manifest names (a size or line
 * count that differs is listed, and the lines still read); null when its hash or its lines are
 * wrong, which leaves nothing in it to check.
 */
function namedLines(
  ref: { path: string; bytes: number; sha256: string; records: number },
  bytes: Buffer,
  problems: Problems,
): string[] | null {
  if (bytes.byteLength !== ref.bytes)
    problems.add(`${ref.path}: ${bytes.byteLength} bytes, the manifest says ${ref.bytes}`);
  if (sha256Hex(bytes) !== ref.sha256) {
    problems.add(`${ref.path}: its SHA-256 is not the one its name and the manifest state`);
    return null;
  }
  const lines = splitLines(bytes.toString('utf8'));
  if (!lines) {
    problems.add(`${ref.path}: lines must each end in a newline, with no empty line`);
    return null;
  }
  if (lines.length !== ref.records)
    problems.add(`${ref.path}: ${lines.length} lines, the manifest says ${ref.records}`);
  return lines;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function readTree(dir: string, options: TreeOptions = {}): Promise<Tree> {
  const problems = new Problems();
  const tree: Tree = {
    manifest: null,
    manifestText: null,
    signedBy: null,
    state: new Map(),
    deltas: [],
    problems: problems.list,
    missingDeltas: [],
    shardBytes: 0,
  };
  const read = await readCapped(join(dir, MANIFEST_FILE), V2_LIMITS.manifestBytes);
  if (!read.ok) {
    problems.add(`${MANIFEST_FILE} ${read.message}`);
    return tree;
  }
  const manifestBytes = new Uint8Array(read.bytes);
  tree.manifestText = read.bytes.toString('utf8');
  const parsed = ManifestSchema.safeParse(parseJson(tree.manifestText));
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.add(`${MANIFEST_FILE}: ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
    return tree;
  }
  const manifest = parsed.data;
  tree.manifest = manifest;

  // The signature, before anything the manifest names is believed.
  const ownKey = parsePublicKey(manifest.publicKey);
  if (!ownKey.ok) problems.add(`${MANIFEST_FILE}: publicKey: ${ownKey.message}`);
  if (options.publicKey !== undefined && options.publicKey !== manifest.publicKey)
    problems.add(
      `${MANIFEST_FILE}: publicKey is ${manifest.publicKey}, not the expected ${options.publicKey}`,
    );
  const key = parsePublicKey(options.publicKey ?? manifest.publicKey);
  const sigRead = await readCapped(join(dir, SIGNATURE_FILE), V2_LIMITS.signatureBytes);
  if (!sigRead.ok) problems.add(`${SIGNATURE_FILE} ${sigRead.message}`);
  else {
    const signature = parseSignature(sigRead.bytes.toString('utf8'));
    if (!signature) problems.add(`${SIGNATURE_FILE}: not one base64 line of 64 bytes`);
    else if (key.ok && !(await verifySignature(manifestBytes, signature, key.raw)))
      problems.add(`${SIGNATURE_FILE}: the signature does not verify with ${key.key}`);
    else if (key.ok) tree.signedBy = key.key;
  }
  if (problems.list.length > 0) return tree;

  const state = tree.state;
  for (let i = 0; i < manifest.shards.length && !problems.full; i++) {
    const ref = manifest.shards[i]!;
    const file = await readCapped(join(dir, ref.path), V2_LIMITS.shardBytes);
    if (!file.ok) {
      problems.add(`${ref.path} ${file.message}`);
      continue;
    }
    tree.shardBytes += file.bytes.byteLength;
    const lines = namedLines(ref, file.bytes, problems);
    if (!lines) continue;
    for (let n = 0; n < lines.length; n++) {
      const where = `${ref.path}:${n + 1}`;
      const line = ShardLineSchema.safeParse(parseJson(lines[n]!));
      if (!line.success) {
        const issue = line.error.issues[0]!;
        if (!problems.add(`${where}: ${formatPath(issue.path) || '(line)'}: ${issue.message}`))
          break;
        continue;
      }
      const entry = entryOf(line.data);
      if (entry.text !== lines[n])
        problems.add(`${where}: not in canonical form (canonicalJson of the parsed line)`);
      const bucket = bucketOf(placementKey(line.data), manifest.shards.length);
      if (bucket !== i)
        problems.add(`${where}: ${entry.kind} "${entry.id}" belongs in shard ${bucket}`);
      const key = entryKey(entry.kind, entry.id);
      if (state.has(key)) problems.add(`${where}: ${entry.kind} "${entry.id}" repeats`);
      state.set(key, entry);
    }
  }
  if (problems.list.length > 0) return tree;

  const counts = stateCounts(state);
  for (const [name, value] of Object.entries(counts)) {
    const stated = manifest.counts[name as keyof typeof counts];
    if (stated !== value)
      problems.add(`${MANIFEST_FILE}: counts.${name} is ${stated}, the shards hold ${value}`);
  }
  if (formatDigest(stateDigest(state)) !== manifest.digest)
    problems.add(`${MANIFEST_FILE}: digest does not match the shards' records`);
  const feed = feedOfState(state, manifest.generatedAt);
  runNow(
    checkReferences(feed, (issue) => {
      const [list, index] = issue.path as [keyof typeof feed, number];
      const record = (feed[list] as { id: string }[])[index];
      return problems.add(`${String(list)} "${record?.id ?? '?'}": ${issue.message}`);
    }),
  );

  for (const ref of manifest.deltas) {
    if (problems.full) break;
    const file = await readCapped(join(dir, ref.path), V2_LIMITS.deltaBytes);
    if (!file.ok) {
      if (file.message === 'is missing' && options.missingDeltasOk) {
        tree.missingDeltas.push(ref.from);
        tree.deltas.push({ from: ref.from, changes: null });
      } else problems.add(`${ref.path} (delta from ${ref.from}) ${file.message}`);
      continue;
    }
    const lines = namedLines(ref, file.bytes, problems);
    if (!lines) continue;
    const changes: { kind: Change['kind']; id: string }[] = [];
    const seen = new Set<string>();
    for (let n = 0; n < lines.length; n++) {
      const where = `${ref.path}:${n + 1}`;
      const line = DeltaLineSchema.safeParse(parseJson(lines[n]!));
      if (!line.success) {
        const issue = line.error.issues[0]!;
        if (!problems.add(`${where}: ${formatPath(issue.path) || '(line)'}: ${issue.message}`))
          break;
        continue;
      }
      const change: Change =
        line.data.op === 'put'
          ? {
              op: 'put',
              kind: line.data.kind,
              id: line.data.record.id,
              entry: entryOf({ kind: line.data.kind, record: line.data.record } as never),
            }
          : { op: 'delete', kind: line.data.kind, id: line.data.id };
      if (changeText(change) !== lines[n])
        problems.add(`${where}: not in canonical form (canonicalJson of the parsed line)`);
      const key = entryKey(change.kind, change.id);
      if (seen.has(key)) problems.add(`${where}: ${change.kind} "${change.id}" repeats`);
      seen.add(key);
      const now = state.get(key);
      if (change.op === 'put' && now?.text !== change.entry.text)
        problems.add(`${where}: puts ${change.kind} "${change.id}" other than the shards hold it`);
      if (change.op === 'delete' && now)
        problems.add(
          `${where}: deletes ${change.kind} "${change.id}", which the shards still hold`,
        );
      changes.push({ kind: change.kind, id: change.id });
    }
    tree.deltas.push({ from: ref.from, changes });
  }
  return tree;
}
