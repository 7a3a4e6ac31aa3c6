import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../../../../lib/feed/schema';
import { parseFeed } from '../../../../lib/feed/validate';
import {
  addHash,
  EMPTY_DIGEST,
  formatDigest,
  lineHash,
  sha256Hex,
} from '../../../../lib/feed/v2/digest';
import { bucketOf, placementKey } from '../../../../lib/feed/v2/placement';
import {
  DeltaLineSchema,
  ManifestSchema,
  ShardLineSchema,
  type DeltaLine,
  type ShardLine,
} from '../../../../lib/feed/v2/schema';
import { parsePublicKey, parseSignature, verifySignature } from '../../../../lib/feed/v2/signature';
import { canonicalLine } from '../../../../lib/feed/v2/digest';
import { loadSigningKey } from '../../../../scripts/publish/keys';
import { synthFeed } from '../../../../scripts/synth';
import { readManifest, ROOT, run, scratchDir, treeFiles, writeFeed } from './support';

/**
 * `verdicts publish` end to end, checked with lib/feed/v2 alone (what the client has), not with
 * the publisher's own reader.
 */

const scratch = scratchDir('verdicts-publish-');
const BUNDLED = join(ROOT, 'public/data/feed.json');
const AT = ['2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z', '2026-02-03T00:00:00.000Z'];

let key = '';
let publicKey = '';
beforeAll(async () => {
  key = scratch('feed.key');
  const made = await run(['keygen', '--out', key]);
  expect(made.code).toBe(0);
  publicKey = made.stdout.trim();
});

const lines = (text: string) => (text === '' ? [] : text.slice(0, -1).split('\n'));
const keyOf = (kind: string, id: string) => `${kind}:${id}`;

/** The records of a published tree, checked the way a client would check them. */
async function readPublished(dir: string) {
  const manifestBytes = readFileSync(join(dir, 'manifest.json'));
  const manifest = ManifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  const signature = parseSignature(readFileSync(join(dir, 'manifest.json.sig'), 'utf8'));
  const pinned = parsePublicKey(publicKey);
  if (!signature || !pinned.ok) throw new Error('no signature or key');
  expect(await verifySignature(new Uint8Array(manifestBytes), signature, pinned.raw)).toBe(true);
  expect(manifest.publicKey).toBe(publicKey);
  const records = new Map<string, string>();
  let digest = EMPTY_DIGEST;
  for (const [i, ref] of manifest.shards.entries()) {
    const bytes = readFileSync(join(dir, ref.path));
    expect(bytes.byteLength).toBe(ref.bytes);
    expect(await sha256Hex(new Uint8Array(bytes))).toBe(ref.sha256);
    const shardLines = lines(bytes.toString('utf8'));
    expect(shardLines).toHaveLength(ref.records);
    for (const text of shardLines) {
      const line = ShardLineSchema.parse(JSON.parse(text));
      expect(canonicalLine(line)).toBe(text);
      expect(bucketOf(placementKey(line), manifest.shards.length)).toBe(i);
      digest = addHash(digest, await lineHash(line));
      records.set(keyOf(line.kind, line.record.id), text);
    }
  }
  expect(formatDigest(digest)).toBe(manifest.digest);
  return { manifest, records };
}

function deltaLines(dir: string, from: number): DeltaLine[] {
  const ref = readManifest(dir).deltas.find((d) => d.from === from);
  if (!ref) throw new Error(`no delta from ${from}`);
  const text = readFileSync(join(dir, ref.path), 'utf8');
  return lines(text).map((line) => DeltaLineSchema.parse(JSON.parse(line)));
}

/** A feed's records as canonical lines, the way the publisher keys them. */
function recordsOf(feed: Feed): Map<string, string> {
  const parsed = parseFeed(JSON.parse(JSON.stringify(feed)));
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  const out = new Map<string, string>();
  const lists = [
    ['reviewer', parsed.feed.reviewers],
    ['tool', parsed.feed.tools],
    ['verdict', parsed.feed.verdicts],
    ['comparison', parsed.feed.comparisons],
  ] as const;
  for (const [kind, list] of lists)
    for (const record of list)
      out.set(keyOf(kind, record.id), canonicalLine({ kind, record } as ShardLine));
  return out;
}

/** What applying delta lines to `records` gives. */
function apply(records: Map<string, string>, delta: DeltaLine[]): Map<string, string> {
  const out = new Map(records);
  for (const line of delta) {
    if (line.op === 'delete') out.delete(keyOf(line.kind, line.id));
    else
      out.set(
        keyOf(line.kind, line.record.id),
        canonicalLine({ kind: line.kind, record: line.record } as ShardLine),
      );
  }
  return out;
}

const sorted = (map: Map<string, string>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

/** A copy of `feed` with every hundredth verdict's panelShip changed. */
function onePercentChanged(feed: Feed): { feed: Feed; changed: string[] } {
  const copy = structuredClone(feed);
  const changed: string[] = [];
  for (let i = 0; i < copy.verdicts.length; i += 100) {
    const verdict = copy.verdicts[i]!;
    verdict.panelShip = (verdict.panelShip + 1) % 101;
    changed.push(verdict.id);
  }
  return { feed: copy, changed };
}

async function publish(feedPath: string, out: string, at: string, ...extra: string[]) {
  const result = await run([
    'publish',
    feedPath,
    '--key',
    key,
    '--out',
    out,
    '--generated-at',
    at,
    ...extra,
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

describe('keygen', () => {
  it('writes a private key only its owner reads, and a public key line it verifies under', async () => {
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${key}.pub`, 'utf8')).toBe(`${publicKey}\n`);
    const parsed = parsePublicKey(publicKey);
    expect(parsed.ok).toBe(true);
    const signing = await loadSigningKey(key);
    expect(signing.publicKey).toBe(publicKey);
    const data = new TextEncoder().encode('{"seq":1}\n');
    const signature = await signing.sign(data);
    expect(signature.byteLength).toBe(64);
    expect(parsed.ok && (await verifySignature(data, signature, parsed.raw))).toBe(true);
    expect(parsed.ok && (await verifySignature(new Uint8Array([1]), signature, parsed.raw))).toBe(
      false,
    );
  });

  it('refuses to overwrite a key unless --force', async () => {
    const before = readFileSync(key, 'utf8');
    const again = await run(['keygen', '--out', key]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists: refusing to overwrite a key \(give --force/);
    expect(readFileSync(key, 'utf8')).toBe(before);

    const other = scratch('other.key');
    const first = await run(['keygen', '--out', other]);
    const forced = await run(['keygen', '--out', other, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).not.toBe(first.stdout);
    expect(statSync(other).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${other}.pub`, 'utf8')).toBe(forced.stdout);
  });
});

describe('publish', { timeout: 30_000 }, () => {
  it('publishes the bundled dataset: a signed manifest whose shards reassemble into the feed', async () => {
    const out = scratch('bundled');
    const result = await publish(BUNDLED, out, AT[0]!);
    expect(result.stdout).toMatch(/^published seq 1 to .*: 3 tools, 4 verdicts/);
    const { manifest, records } = await readPublished(out);
    expect(manifest).toMatchObject({ seq: 1, generatedAt: AT[0], deltas: [] });
    expect(manifest.expiresAt).toBe('2026-03-03T00:00:00.000Z');
    const feed = JSON.parse(readFileSync(BUNDLED, 'utf8')) as Feed;
    expect(sorted(records)).toEqual(sorted(recordsOf(feed)));
    expect(manifest.counts).toEqual({
      reviewers: feed.reviewers.length,
      tools: feed.tools.length,
      verdicts: feed.verdicts.length,
      comparisons: feed.comparisons.length,
    });
    expect((await run(['validate', out, '--key', `${key}.pub`])).code).toBe(0);
  });

  it('is deterministic: the same feed and date give the same bytes, signature included', async () => {
    const feed = writeFeed(scratch('feed.json'), synthFeed({ tools: 300, seed: 5 }));
    const [a, b] = [scratch('a'), scratch('b')];
    await publish(feed, a, AT[0]!, '--shard-bytes', '65536');
    await publish(feed, b, AT[0]!, '--shard-bytes', '65536');
    expect(treeFiles(a)).toEqual(treeFiles(b));
    expect(readManifest(a).shards.length).toBeGreaterThan(1);
  });

  it('refuses an invalid feed, writing nothing', async () => {
    const bad = writeFeed(scratch('bad.json'), { ...synthFeed({ tools: 2 }), version: 3 } as never);
    const out = scratch('never');
    const result = await run(['publish', bad, '--key', key, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /version: unknown feed version[\s\S]*invalid feed \(1 problem\); nothing was written/,
    );
    expect(existsSync(out)).toBe(false);
    const noKey = await run(['publish', BUNDLED, '--key', scratch('missing.key'), '--out', out]);
    expect(noKey.stderr).toMatch(/cannot read .*missing\.key: no such file/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to start again at seq 1 over an earlier publication', async () => {
    const out = scratch('twice');
    await publish(BUNDLED, out, AT[0]!);
    const files = treeFiles(out);
    const again = await run(['publish', BUNDLED, '--key', key, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a publication: give --previous/);
    expect(treeFiles(out)).toEqual(files);
  });
});

// Publishing 2,000 tools twice and reading them back takes seconds on a busy 2-core machine.
describe('publish --previous', { timeout: 30_000 }, () => {
  const TOOLS = 2000;
  const base = synthFeed({ tools: TOOLS, seed: 11 });
  const { feed: next, changed } = onePercentChanged(base);

  it('a 1 % change: seq + 1, a delta of exactly the changed records, ≤ 2 % of the snapshot, unchanged shards kept', async () => {
    const out = scratch('one-percent');
    const [first, second] = [scratch('seq1.json'), scratch('seq2.json')];
    writeFeed(first, base);
    writeFeed(second, next);
    await publish(first, out, AT[0]!, '--shard-bytes', '65536');
    const before = readManifest(out);
    const result = await publish(second, out, AT[1]!, '--previous', out);
    const { manifest, records } = await readPublished(out);
    expect(manifest.seq).toBe(2);
    expect(manifest.shards).toHaveLength(before.shards.length);
    expect(sorted(records)).toEqual(sorted(recordsOf(next)));

    const delta = deltaLines(out, 1);
    expect(
      delta.map(
        (line) => `${line.op} ${line.kind} ${line.op === 'put' ? line.record.id : line.id}`,
      ),
    ).toEqual(changed.sort().map((id) => `put verdict ${id}`));
    expect(sorted(apply(recordsOf(base), delta))).toEqual(sorted(records));
    const snapshot = manifest.shards.reduce((sum, s) => sum + s.bytes, 0);
    const ref = manifest.deltas[0]!;
    expect(ref.bytes / snapshot).toBeLessThanOrEqual(0.02);

    // The shards no changed tool lives in are the same files.
    const touched = new Set(changed.map((id) => bucketOf(`tool:${id}`, manifest.shards.length)));
    manifest.shards.forEach((shard, i) => {
      if (touched.has(i)) expect(shard.path).not.toBe(before.shards[i]!.path);
      else expect(shard.path).toBe(before.shards[i]!.path);
    });
    expect(touched.size).toBeLessThan(manifest.shards.length);
    expect(result.stdout).toMatch(
      new RegExp(`\\(${manifest.shards.length - touched.size} unchanged since seq 1\\)`),
    );
    expect(result.stdout).toMatch(
      /delta from seq 1: [\d,]+ bytes, 20 changes, 0\.\d\d % of the shards/,
    );
    // The old files stay for clients mid-sync.
    for (const shard of before.shards) expect(existsSync(join(out, shard.path))).toBe(true);
  });

  it('composes: the delta from seq 1 at seq 3 is the direct diff from seq 1 to seq 3', async () => {
    const out = scratch('compose');
    const one = synthFeed({ tools: 200, seed: 21 });
    const two = structuredClone(one);
    two.verdicts[3]!.panelShip = (two.verdicts[3]!.panelShip + 7) % 101;
    two.verdicts[4]!.tagline = 'Changed at seq two.';
    const added = synthFeed({ tools: 201, seed: 21 });
    two.tools.push({
      ...added.tools[200]!,
      id: 'synthetic-added',
      match: { github: [], huggingface: [], domains: [] },
    });
    const three = structuredClone(two);
    three.verdicts[4]!.tagline = 'Changed again at seq three.';
    three.verdicts[9]!.entry = 'Free';
    // Removed at seq three: a comparison and its two verdicts' tools stay.
    three.comparisons.splice(10, 1);

    const files = [one, two, three].map((feed, i) => writeFeed(scratch(`c${i}.json`), feed));
    await publish(files[0]!, out, AT[0]!);
    await publish(files[1]!, out, AT[1]!, '--previous', out);
    await publish(files[2]!, out, AT[2]!, '--previous', out);
    const { manifest, records } = await readPublished(out);
    expect(manifest.seq).toBe(3);
    expect(manifest.deltas.map((d) => d.from)).toEqual([2, 1]);

    const direct = (before: Map<string, string>, after: Map<string, string>) => {
      const changes: string[] = [];
      for (const [k, v] of after) if (before.get(k) !== v) changes.push(`put ${k}`);
      for (const k of before.keys()) if (!after.has(k)) changes.push(`delete ${k}`);
      return changes.sort();
    };
    const described = (delta: DeltaLine[]) =>
      delta.map((l) => `${l.op} ${keyOf(l.kind, l.op === 'put' ? l.record.id : l.id)}`).sort();
    expect(described(deltaLines(out, 1))).toEqual(direct(recordsOf(one), recordsOf(three)));
    expect(described(deltaLines(out, 2))).toEqual(direct(recordsOf(two), recordsOf(three)));
    expect(sorted(apply(recordsOf(one), deltaLines(out, 1)))).toEqual(sorted(records));
    expect(sorted(apply(recordsOf(two), deltaLines(out, 2)))).toEqual(sorted(records));
    expect((await run(['validate', out, '--key', publicKey])).code).toBe(0);
  });

  it('keeps at most --keep-deltas earlier seqs, and drops a delta bigger than half the snapshot', async () => {
    const out = scratch('keep');
    const feeds = [1, 2, 3].map((n) => {
      const feed = synthFeed({ tools: 100, seed: 31 });
      feed.verdicts[n]!.panelShip = (feed.verdicts[n]!.panelShip + n) % 101;
      return writeFeed(scratch(`k${n}.json`), feed);
    });
    await publish(feeds[0]!, out, AT[0]!);
    await publish(feeds[1]!, out, AT[1]!, '--previous', out);
    const kept = await publish(feeds[2]!, out, AT[2]!, '--previous', out, '--keep-deltas', '1');
    expect(readManifest(out).deltas.map((d) => d.from)).toEqual([2]);
    expect(kept.stdout).toMatch(/delta from seq 1: .*\(dropped: only 1 earlier seqs are kept\)/);

    const other = writeFeed(scratch('other.json'), synthFeed({ tools: 100, seed: 32 }));
    const replaced = await publish(other, out, '2026-02-04T00:00:00.000Z', '--previous', out);
    expect(readManifest(out)).toMatchObject({ seq: 4, deltas: [] });
    expect(replaced.stdout).toMatch(/delta from seq 3: .*\(dropped: over half the snapshot\)/);
  });

  it('refuses a tampered previous manifest, shard or signature, writing nothing', async () => {
    const out = scratch('tamper');
    const feed = writeFeed(scratch('t.json'), synthFeed({ tools: 50, seed: 41 }));
    await publish(feed, out, AT[0]!);
    const manifestPath = join(out, 'manifest.json');
    const good = readFileSync(manifestPath, 'utf8');
    const files = treeFiles(out);
    // The next seq over the tree in `out`, which each step below has tampered with or not.
    const republish = (withKey: string, ...flags: string[]) =>
      run([
        'publish',
        feed,
        '--key',
        withKey,
        '--out',
        out,
        '--previous',
        out,
        ...flags,
        '--generated-at',
        AT[1]!,
      ]);

    writeFileSync(manifestPath, good.replace('"seq": 1', '"seq": 41'));
    const refused = await republish(key);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /the previous publication does not verify, so nothing was written:\n {2}manifest\.json\.sig: the signature does not verify/,
    );
    writeFileSync(manifestPath, good);
    expect(treeFiles(out)).toEqual(files);

    const shard = join(out, readManifest(out).shards[0]!.path);
    const shardText = readFileSync(shard, 'utf8');
    writeFileSync(shard, shardText.replace('"panelShip":', '"panelShip":1'));
    const badShard = await republish(key);
    expect(badShard.stderr).toMatch(/shards\/[0-9a-f]{64}\.ndjson: its SHA-256 is not the one/);
    expect((await run(['validate', out])).code).toBe(1);
    writeFileSync(shard, shardText);

    const otherKey = scratch('rotated.key');
    await run(['keygen', '--out', otherKey]);
    const rotated = await republish(otherKey);
    expect(rotated.code).toBe(1);
    expect(rotated.stderr).toMatch(
      /publicKey is ed25519:.*, not the expected[\s\S]*give --new-key/,
    );
    expect(treeFiles(out)).toEqual(files);
    const allowed = await republish(otherKey, '--new-key');
    expect(allowed.code).toBe(0);
    expect(readManifest(out)).toMatchObject({
      seq: 2,
      publicKey: readFileSync(`${otherKey}.pub`, 'utf8').trim(),
    });
  });
});

describe('validate a v2 tree', () => {
  it('accepts the directory or its manifest.json, and names the key it checked', async () => {
    const out = scratch('validate');
    await publish(BUNDLED, out, AT[0]!);
    const byDir = await run(['validate', out, '--key', key]);
    expect(byDir).toMatchObject({ code: 0, stderr: '' });
    expect(byDir.stdout).toContain(`valid feed v2, seq 1, signed by ${publicKey}\n`);
    const byManifest = await run(['validate', join(out, 'manifest.json')]);
    expect(byManifest.stdout).toContain('(its own publicKey: give --key to check it is yours)');
    const other = scratch('validate.key');
    await run(['keygen', '--out', other]);
    const wrong = await run(['validate', out, '--key', `${other}.pub`]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/the signature does not verify with ed25519:/);
  });
});
