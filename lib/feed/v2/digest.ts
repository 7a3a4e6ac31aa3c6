import { canonicalJson } from './canonical';
import type { ShardLine } from './schema';

/**
 * The digest of a whole dataset: the sum, modulo 2^256, of each record's SHA-256 over its
 * canonical shard line. A sum, unlike a hash of a sorted list, is updated from the records a
 * delta changes alone: subtract the old records' hashes, add the new ones. It checks that a delta
 * met the state it was built for (Safe Browsing checks its whole state the same way); it is not
 * what makes a feed authentic: the signature and the files' SHA-256s are.
 */

const MOD = 1n << 256n;
const PREFIX = 'sum256:';

export const EMPTY_DIGEST = 0n;

export const canonicalLine = (line: ShardLine): string =>
  canonicalJson({ kind: line.kind, record: line.record });

export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const hash = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  let hex = '';
  for (const b of new Uint8Array(hash)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** A record's share of the digest. */
export async function lineHash(line: ShardLine): Promise<bigint> {
  return BigInt(`0x${await sha256Hex(canonicalLine(line))}`);
}

export const addHash = (digest: bigint, hash: bigint): bigint => (digest + hash) % MOD;
export const subtractHash = (digest: bigint, hash: bigint): bigint => (digest - hash + MOD) % MOD;

export const formatDigest = (digest: bigint): string =>
  PREFIX + digest.toString(16).padStart(64, '0');

export function parseDigest(text: string): bigint | null {
  return /^sum256:[0-9a-f]{64}$/.test(text) ? BigInt(`0x${text.slice(PREFIX.length)}`) : null;
}
