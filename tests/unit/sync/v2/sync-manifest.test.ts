import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { answerForTool } from '../../../../lib/store/answers';
import { VerdictDb } from '../../../../lib/store/db';
import { installFeed } from '../../../../lib/store/install';
import { createDatasetSlots, type DatasetSlots } from '../../../../lib/store/slots';
import { syncFeed, type SyncDeps } from '../../../../lib/sync/sync-feed';
import type { ApplyChanges } from '../../../../lib/sync/v2/delta';
import { hashRows } from '../../support/db';
import { expectSameDataset } from '../../support/index-view';
import { syntheticFeed, toFeed, type FeedJson } from '../../support/feeds';
import { publicationChain } from '../../../../scripts/publish/chain';
import { buildTree, flipByte, newKeyPair, treeFetch, type Tree } from '../../support/v2-tree';

const BASE = 'https://feeds.synthetic.test/v2/';
const URL_ = `${BASE}manifest.json`;
const NOW = new Date('2026-06-02T00:00:00Z');
const noDeltas: ApplyChanges = () => Promise.reject(new Error('no deltas in this test'));

const opened: DatasetSlots[] = [];
afterEach(async () => {
  for (const slots of opened.splice(0)) {
    await slots.live.delete();
    await slots.spare().delete();
  }
});

async function freshSlots() {
  const slots = createDatasetSlots(new VerdictDb(`verdict-lens-v2-${randomUUID()}`));
  opened.push(slots);
  await slots.ready();
  await installFeed(slots.live, toFeed(syntheticFeed({ tag: 'bundled' })), { source: 'bundled' });
  return slots;
}

/** Every table of both databases and which one is live. */
const fingerprint = async (slots: DatasetSlots) =>
  `${slots.live.name} ${await hashRows(slots.live)} ${await hashRows(slots.spare())}`;

function deps(
  slots: DatasetSlots,
  tree: () => Tree,
  publicKey = '',
): SyncDeps & { calls: string[] } {
  const served = treeFetch(BASE, tree);
  return {
    fetch: served.fetch,
    calls: served.calls,
    now: () => NOW,
    v2: { slots, publicKey, apply: noDeltas },
  };
}

const feedV = (tag: string, tools = 12) =>
  toFeed(syntheticFeed({ tools, verdicts: tools * 2, comparisons: 5, tag }));

describe('a v2 feed', () => {
  it('installs into the spare database and moves the pointer, pinning the key', async () => {
    const slots = await freshSlots();
    const key = await newKeyPair();
    const tree = await buildTree(feedV('one'), { seq: 1, key });
    const first = slots.live.name;
    const outcome = await syncFeed(
      slots.live,
      URL_,
      deps(slots, () => tree),
    );
    expect(outcome.kind).toBe('updated');
    expect(slots.live.name).not.toBe(first);
    const meta = await slots.live.meta.get('current');
    expect(meta?.signed).toMatchObject({
      seq: 1,
      publicKey: key.publicKey,
      keyFrom: 'pinned',
      via: 'shards',
    });
    expect(await slots.live.tools.count()).toBe(12);
    const answer = await answerForTool(slots.live, 'synthetic-tool-3');
    expect(answer?.tool.name).toBe('Synthetic Tool 3 (one)');
    // The old dataset is emptied once nothing reads it.
    expect(await slots.spare().tools.count()).toBe(0);
    // A reopened worker finds the same live database.
    const again = createDatasetSlots(new VerdictDb(first));
    expect((await again.ready()).name).toBe(slots.live.name);
  });

  it.each([
    ['a comparison naming a verdict no shard holds', 'unknown verdict "synthetic-nowhere"'],
    ['a verdict in more than 50 comparisons', 'is in more than 50 comparisons'],
  ] as const)(
    'refuses shards that break a rule across them, %s, and leaves every table as it was',
    async (name, problem) => {
      const slots = await freshSlots();
      const key = await newKeyPair();
      const feed = feedV('one');
      const [a, b] = feed.verdicts;
      feed.comparisons = name.startsWith('a comparison')
        ? [{ ...feed.comparisons[0]!, verdictIds: [a!.id, 'synthetic-nowhere'] }]
        : Array.from({ length: 51 }, (_, i) => ({
            id: `synthetic-many-${i}`,
            title: `Synthetic comparison ${i}`,
            verdictIds: [a!.id, b!.id],
          }));
      const tree = await buildTree(feed, { seq: 1, key });
      const before = await fingerprint(slots);
      const outcome = await syncFeed(
        slots.live,
        URL_,
        deps(slots, () => tree),
      );
      expect(outcome).toMatchObject({
        kind: 'failed',
        error: { code: 'invalid', text: { code: 'comparisonRefs' } },
      });
      expect(outcome.kind === 'failed' && outcome.error.message).toContain(problem);
      expect(await fingerprint(slots)).toBe(before);
    },
  );

  it('answers "not modified" to the same manifest served again without validators', async () => {
    const slots = await freshSlots();
    const key = await newKeyPair();
    const tree = await buildTree(feedV('one'), { seq: 1, key });
    await syncFeed(
      slots.live,
      URL_,
      deps(slots, () => tree),
    );
    const before = await fingerprint(slots);
    const d = deps(slots, () => tree);
    expect((await syncFeed(slots.live, URL_, d)).kind).toBe('not-modified');
    expect(d.calls.filter((c) => c.includes('/shards/'))).toEqual([]);
    // Only the check's bookkeeping changed, which the fingerprint leaves out.
    expect(await fingerprint(slots)).toBe(before);
  });

  it.each([
    ['a flipped byte in a shard', 'shard', 'hash-mismatch'],
    ['a flipped byte in the manifest', 'manifest', 'signature'],
    ['a manifest signed by another key', 'other-key', 'key-changed'],
    ['an older manifest served again', 'replay', 'replay'],
    ['an expired manifest', 'expired', 'expired'],
    ['no signature', 'no-sig', 'signature'],
  ] as const)('refuses %s and leaves every table as it was', async (_name, attack, code) => {
    const slots = await freshSlots();
    const key = await newKeyPair();
    const v1 = await buildTree(feedV('one'), { seq: 1, key });
    const v2 = await buildTree(feedV('two'), { seq: 2, key });
    await syncFeed(
      slots.live,
      URL_,
      deps(slots, () => v1),
    );
    const signedSync = await syncFeed(
      slots.live,
      URL_,
      deps(slots, () => v2),
    );
    expect(signedSync.kind).toBe('updated');
    let served: Tree;
    if (attack === 'shard') {
      const v3 = await buildTree(feedV('three'), { seq: 3, key });
      served = flipByte(
        v3,
        [...v3.keys()].find((p) => p.startsWith('shards/'))!,
        40,
      );
    } else if (attack === 'manifest') {
      const v3 = await buildTree(feedV('three'), { seq: 3, key });
      served = flipByte(v3, 'manifest.json', 30);
    } else if (attack === 'other-key') {
      served = await buildTree(feedV('three'), { seq: 3, key: await newKeyPair() });
    } else if (attack === 'replay') {
      served = v1;
    } else if (attack === 'expired') {
      served = await buildTree(feedV('three'), {
        seq: 3,
        key,
        generatedAt: '2026-05-01T00:00:00.000Z',
        expiresAt: '2026-06-01T00:00:00.000Z',
      });
    } else {
      served = new Map(await buildTree(feedV('three'), { seq: 3, key }));
      served.delete('manifest.json.sig');
    }
    const before = await fingerprint(slots);
    const outcome = await syncFeed(
      slots.live,
      URL_,
      deps(slots, () => served),
    );
    expect(outcome).toMatchObject({ kind: 'failed', error: { code } });
    expect(await fingerprint(slots)).toBe(before);
    const meta = await slots.live.meta.get('current');
    expect(meta?.lastError?.code).toBe(code);
    expect(meta?.signed?.seq).toBe(2);
  });

  it('with a key set, accepts only that key', async () => {
    const slots = await freshSlots();
    const key = await newKeyPair();
    const other = await newKeyPair();
    const tree = await buildTree(feedV('one'), { seq: 1, key: other });
    const before = await fingerprint(slots);
    const refused = await syncFeed(
      slots.live,
      URL_,
      deps(slots, () => tree, key.publicKey),
    );
    expect(refused).toMatchObject({ kind: 'failed', error: { code: 'signature' } });
    expect(await fingerprint(slots)).toBe(before);
    const good = await buildTree(feedV('one'), { seq: 1, key });
    expect(
      (
        await syncFeed(
          slots.live,
          URL_,
          deps(slots, () => good, key.publicKey),
        )
      ).kind,
    ).toBe('updated');
    expect((await slots.live.meta.get('current'))?.signed?.keyFrom).toBe('settings');
  });

  it('carries on after a worker stopped mid-install, fetching only the shards not yet in', async () => {
    const slots = await freshSlots();
    const key = await newKeyPair();
    const tree = await buildTree(feedV('one', 40), { seq: 1, key, shards: 8 });
    const before = await fingerprint(slots);
    const shardPaths = [...tree.keys()].filter((p) => p.startsWith('shards/'));
    // The "worker" dies at the fourth shard download: the promise never settles.
    let served = 0;
    const dying = treeFetch(BASE, () => tree);
    const stop = new Error('worker stopped');
    const killed = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/shards/') && ++served === 4) throw stop;
      return dying.fetch(input, init);
    }) as typeof fetch;
    const first = await syncFeed(slots.live, URL_, { ...deps(slots, () => tree), fetch: killed });
    // Here a network error stands in for the stop; the live dataset is untouched either way.
    expect(first.kind).toBe('failed');
    expect(slots.live.name).toBe(await freshName(slots));
    expect(await hashRows(slots.live)).toBe(before.split(' ')[1]);
    const d = deps(slots, () => tree);
    expect((await syncFeed(slots.live, URL_, d)).kind).toBe('updated');
    const fetchedShards = d.calls.filter((c) => c.includes('/shards/'));
    expect(fetchedShards.length).toBe(shardPaths.length - 3);
    expect(await slots.live.tools.count()).toBe(40);
  });
});

describe('a v2 update by delta (trees from scripts/publish)', () => {
  /** Feed B: one verdict rescored, one tool gone with its verdicts, one tool new. */
  function changed(a: ReturnType<typeof feedV>) {
    const b = structuredClone(a) as unknown as FeedJson;
    b.generatedAt = '2026-06-01T00:00:00Z';
    b.verdicts = b.verdicts
      .filter((v) => v.toolId !== 'synthetic-tool-39')
      .map((v) => (v.id === 'synthetic-verdict-7' ? { ...v, panelShip: 99 } : v));
    b.tools = b.tools.filter((t) => t.id !== 'synthetic-tool-39');
    b.tools.push({
      ...a.tools[0]!,
      id: 'synthetic-tool-new',
      name: 'Synthetic Tool New',
      match: { github: ['synthetic-org/new'] },
    });
    b.verdicts.push({
      ...a.verdicts[0]!,
      id: 'synthetic-verdict-new',
      toolId: 'synthetic-tool-new',
      panelShip: 42,
    });
    // Through the schema, as the CLI reads a feed: defaults filled in (match lists, …).
    return toFeed(b);
  }

  it('downloads only the manifest, its signature and the delta, and ends as a full install would', async () => {
    // Small shards, so a 40-tool feed spreads over several.
    const publisher = await publicationChain(4096);
    try {
      const a = feedV('one', 40);
      const treeA = (await publisher.next(a, '2026-05-30T00:00:00Z')).files;
      const slots = await freshSlots();
      expect(
        (
          await syncFeed(
            slots.live,
            URL_,
            deps(slots, () => treeA),
          )
        ).kind,
      ).toBe('updated');
      const liveName = slots.live.name;
      const b = changed(a);
      const treeB = (await publisher.next(b, '2026-06-01T00:00:00Z')).files;
      const d = deps(slots, () => treeB);
      const { apply: _default, ...v2 } = d.v2!;
      const outcome = await syncFeed(slots.live, URL_, { ...d, v2 });
      expect(outcome.kind).toBe('updated');
      expect(d.calls.map((c) => c.slice(BASE.length).replace(/[0-9a-f]{64}/, 'H'))).toEqual([
        'manifest.json',
        'manifest.json.sig',
        expect.stringMatching(/^deltas\//),
      ]);
      // Written in place: no second copy was made.
      expect(slots.live.name).toBe(liveName);
      const meta = await slots.live.meta.get('current');
      expect(meta?.signed).toMatchObject({ seq: 2, via: 'delta' });
      const seven = await answerForTool(slots.live, 'synthetic-tool-7');
      expect(seven?.verdicts.find((v) => v.id === 'synthetic-verdict-7')?.panelShip).toBe(99);
      expect(await answerForTool(slots.live, 'synthetic-tool-39')).toBeNull();
      expect((await answerForTool(slots.live, 'synthetic-tool-new'))?.tool.name).toBe(
        'Synthetic Tool New',
      );
      // Every table equals a full install of seq 2 on a profile that never had seq 1.
      const full = await freshSlots();
      const f = deps(full, () => treeB);
      expect(
        (await syncFeed(full.live, URL_, { ...f, v2: { ...f.v2!, apply: undefined } })).kind,
      ).toBe('updated');
      expect(f.calls.some((c) => c.includes('/shards/'))).toBe(true);
      await expectSameDataset(slots.live, full.live);
      // The full install wrote each shard's part of the indexes; the delta, only the overlay.
      const shardParts = (await full.live.lookupIndex.toArray()).map((p) => p.id);
      expect(shardParts.length).toBeGreaterThan(0);
      expect(shardParts.every((id) => /^s\d{4}$/.test(id))).toBe(true);
      const deltaParts = (await slots.live.lookupIndex.toArray()).map((p) => p.id);
      expect(deltaParts[0]).toBe('overlay');
      expect(deltaParts.slice(1).every((id) => /^s\d{4}$/.test(id))).toBe(true);
    } finally {
      await publisher.close();
    }
  });

  it('falls back to the shards when the delta does not come out at the digest', async () => {
    // Small shards, so a 40-tool feed spreads over several.
    const publisher = await publicationChain(4096);
    try {
      const a = feedV('one', 40);
      const treeA = (await publisher.next(a, '2026-05-30T00:00:00Z')).files;
      const slots = await freshSlots();
      await syncFeed(
        slots.live,
        URL_,
        deps(slots, () => treeA),
      );
      // A record the delta touches drifted from its installed digest (a bug, a hand edit): the
      // digest after the delta cannot come out. (Drift in untouched records is not seen here:
      // the digest is carried forward from the records a delta touches, docs/feed-format.md.)
      await slots.live.tools.update('synthetic-tool-39', { name: 'Drifted' });
      const treeB = (await publisher.next(changed(a), '2026-06-01T00:00:00Z')).files;
      const d = deps(slots, () => treeB);
      const outcome = await syncFeed(slots.live, URL_, {
        ...d,
        v2: { ...d.v2!, apply: undefined },
      });
      expect(outcome.kind).toBe('updated');
      expect(d.calls.some((c) => c.includes('/shards/'))).toBe(true);
      expect((await slots.live.meta.get('current'))?.signed?.via).toBe('shards');
      expect(await slots.live.tools.get('synthetic-tool-39')).toBeUndefined();
    } finally {
      await publisher.close();
    }
  });
});

describe('a signed feed served unsigned (a downgrade)', () => {
  it('is refused when the installed dataset came signed from the same URL', async () => {
    const slots = await freshSlots();
    const key = await newKeyPair();
    const tree = await buildTree(feedV('one'), { seq: 1, key });
    await syncFeed(
      slots.live,
      URL_,
      deps(slots, () => tree),
    );
    const before = await fingerprint(slots);
    const v1 = new Map([
      ['manifest.json', new TextEncoder().encode(JSON.stringify(syntheticFeed({ tag: 'v1' })))],
    ]);
    const outcome = await syncFeed(
      slots.live,
      URL_,
      deps(slots, () => v1),
    );
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'signature' } });
    expect(await fingerprint(slots)).toBe(before);
  });
});

const freshName = async (slots: DatasetSlots) => slots.live.name;
