/**
 * A v2 feed tree built in memory from a (synthetic) v1 feed, for the client's unit tests. The
 * publisher itself is scripts/publish (its own tests check it against the same format core);
 * this is only the few lines a test needs to make files to tamper with.
 */
import type { Feed } from '../../../lib/feed/schema';
import { canonicalJson } from '../../../lib/feed/v2/canonical';
import {
  addHash,
  canonicalLine,
  EMPTY_DIGEST,
  formatDigest,
  lineHash,
  sha256Hex,
} from '../../../lib/feed/v2/digest';
import { bucketOf, placementKey } from '../../../lib/feed/v2/placement';
import type { Manifest, ShardLine } from '../../../lib/feed/v2/schema';
import { toBase64 } from '../../../lib/feed/v2/signature';

export type Tree = Map<string, Uint8Array>;

const encode = (text: string) => new TextEncoder().encode(text);

export async function newKeyPair(): Promise<{ pair: CryptoKeyPair; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { pair, publicKey: `ed25519:${toBase64(raw)}` };
}

export function linesOf(feed: Feed): ShardLine[] {
  return [
    ...feed.reviewers.map((record) => ({ kind: 'reviewer', record }) as const),
    ...feed.tools.map((record) => ({ kind: 'tool', record }) as const),
    ...feed.verdicts.map((record) => ({ kind: 'verdict', record }) as const),
    ...feed.comparisons.map((record) => ({ kind: 'comparison', record }) as const),
  ];
}

export interface TreeOptions {
  seq: number;
  key: { pair: CryptoKeyPair; publicKey: string };
  shards?: number;
  generatedAt?: string;
  expiresAt?: string;
  /** Delta files (already built lines) from earlier seqs. */
  deltas?: { from: number; lines: object[] }[];
}

export async function signManifest(manifest: object, pair: CryptoKeyPair, tree: Tree) {
  const bytes = encode(JSON.stringify(manifest, null, 2));
  const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', pair.privateKey, bytes));
  tree.set('manifest.json', bytes);
  tree.set('manifest.json.sig', encode(toBase64(sig)));
}

export async function buildTree(feed: Feed, opts: TreeOptions): Promise<Tree> {
  const count = opts.shards ?? 4;
  const buckets: string[][] = Array.from({ length: count }, () => []);
  let digest = EMPTY_DIGEST;
  for (const line of linesOf(feed)) {
    buckets[bucketOf(placementKey(line), count)]!.push(canonicalLine(line));
    digest = addHash(digest, await lineHash(line));
  }
  const tree: Tree = new Map();
  const shards: Manifest['shards'] = [];
  for (const lines of buckets) {
    const bytes = encode(lines.map((l) => `${l}\n`).join(''));
    const sha256 = await sha256Hex(bytes);
    const path = `shards/${sha256}.ndjson`;
    tree.set(path, bytes);
    shards.push({ path, sha256, bytes: bytes.byteLength, records: lines.length });
  }
  const deltas: Manifest['deltas'] = [];
  for (const d of opts.deltas ?? []) {
    const bytes = encode(d.lines.map((l) => `${canonicalJson(l)}\n`).join(''));
    const sha256 = await sha256Hex(bytes);
    const path = `deltas/${sha256}.ndjson`;
    tree.set(path, bytes);
    deltas.push({ from: d.from, path, sha256, bytes: bytes.byteLength, records: d.lines.length });
  }
  const generatedAt = opts.generatedAt ?? '2026-06-01T00:00:00.000Z';
  const manifest: Manifest = {
    format: 'verdict-lens-feed',
    version: 2,
    seq: opts.seq,
    generatedAt,
    expiresAt: opts.expiresAt ?? '2026-07-01T00:00:00.000Z',
    publicKey: opts.key.publicKey,
    counts: {
      reviewers: feed.reviewers.length,
      tools: feed.tools.length,
      verdicts: feed.verdicts.length,
      comparisons: feed.comparisons.length,
    },
    digest: formatDigest(digest),
    shards,
    deltas,
  };
  await signManifest(manifest, opts.key.pair, tree);
  return tree;
}

/** A fetch serving `tree` under `base` (a trailing-slash URL), with the calls it answered. */
export function treeFetch(base: string, tree: () => Tree) {
  const calls: string[] = [];
  const fn = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    const path = url.startsWith(base) ? url.slice(base.length) : null;
    const body = path === null ? undefined : tree().get(path);
    if (!body) return new Response('not found', { status: 404 });
    return new Response(body.slice(), { status: 200 });
  }) as typeof fetch;
  return { fetch: fn, calls };
}

export function flipByte(tree: Tree, path: string, at = 10): Tree {
  const copy = new Map(tree);
  const bytes = copy.get(path)!.slice();
  bytes[at]! ^= 0x01;
  copy.set(path, bytes);
  return copy;
}
