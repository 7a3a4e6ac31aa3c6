import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../lib/feed/v2/canonical';
import {
  addHash,
  EMPTY_DIGEST,
  formatDigest,
  lineHash,
  parseDigest,
  subtractHash,
} from '../../../../lib/feed/v2/digest';
import { bucketOf, placementKey } from '../../../../lib/feed/v2/placement';
import { DeltaLineSchema, ShardLineSchema } from '../../../../lib/feed/v2/schema';
import {
  parsePublicKey,
  parseSignature,
  toBase64,
  verifySignature,
} from '../../../../lib/feed/v2/signature';

const reviewer = { kind: 'reviewer', record: { id: 'builder', name: 'B', focus: 'F' } } as const;

describe('canonicalJson', () => {
  it('orders keys and drops undefined, whatever the input order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }], e: 'x' })).toBe(
      '{"a":[{"d":2}],"b":1,"e":"x"}',
    );
    expect(canonicalJson({ z: 1, a: 2 })).toBe(canonicalJson({ a: 2, z: 1 }));
  });
});

describe('digest', () => {
  it('is a sum: adding then subtracting a record gives the state back, in any order', async () => {
    const a = await lineHash(reviewer);
    const b = await lineHash({ ...reviewer, record: { ...reviewer.record, name: 'C' } });
    expect(a).not.toBe(b);
    const ab = addHash(addHash(EMPTY_DIGEST, a), b);
    expect(addHash(addHash(EMPTY_DIGEST, b), a)).toBe(ab);
    expect(subtractHash(ab, b)).toBe(a);
    expect(subtractHash(EMPTY_DIGEST, a) + a).toBe(1n << 256n);
    expect(parseDigest(formatDigest(ab))).toBe(ab);
    expect(parseDigest('sum256:xyz')).toBeNull();
  });
});

describe('placement', () => {
  it('puts a verdict with its tool', () => {
    const verdictKey = placementKey({
      kind: 'verdict',
      record: { toolId: 't1' } as never,
    });
    expect(verdictKey).toBe(placementKey({ kind: 'tool', record: { id: 't1' } as never }));
    expect(bucketOf('tool:t1', 7)).toBe(bucketOf('tool:t1', 7));
    const spread = new Set(Array.from({ length: 200 }, (_, i) => bucketOf(`tool:t${i}`, 8)));
    expect(spread.size).toBe(8);
  });
});

describe('line schemas', () => {
  it('reads shard lines and delta lines, and refuses unknown kinds', () => {
    expect(ShardLineSchema.safeParse(reviewer).success).toBe(true);
    expect(ShardLineSchema.safeParse({ kind: 'robot', record: {} }).success).toBe(false);
    expect(DeltaLineSchema.safeParse({ op: 'put', ...reviewer }).success).toBe(true);
    expect(DeltaLineSchema.safeParse({ op: 'delete', kind: 'tool', id: 'x-1' }).success).toBe(true);
    expect(DeltaLineSchema.safeParse({ op: 'delete', kind: 'tool', id: 'X 1' }).success).toBe(
      false,
    );
  });
});

describe('signature', () => {
  it('verifies the exact bytes with the key that signed them and nothing else', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const other = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const otherRaw = new Uint8Array(await crypto.subtle.exportKey('raw', other.publicKey));
    const data = new TextEncoder().encode('{"seq":1}');
    const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', pair.privateKey, data));
    const parsed = parsePublicKey(` ed25519:${toBase64(raw)}\n`);
    expect(parsed.ok).toBe(true);
    const signature = parseSignature(toBase64(sig))!;
    expect(await verifySignature(data, signature, raw)).toBe(true);
    expect(await verifySignature(data, signature, otherRaw)).toBe(false);
    const flipped = data.slice();
    flipped[3]! ^= 1;
    expect(await verifySignature(flipped, signature, raw)).toBe(false);
    expect(parsePublicKey('ed25519:abc').ok).toBe(false);
    expect(parsePublicKey(toBase64(raw)).ok).toBe(false);
    expect(parseSignature('AAAA')).toBeNull();
  });
});
