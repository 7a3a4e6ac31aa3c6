import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feed } from '../../lib/feed/schema';
import { bucketOf, placementKey } from '../../lib/feed/v2/placement';
import type { Manifest } from '../../lib/feed/v2/schema';
import { toolMatchKeys } from '../../lib/model/match-keys';
import { mergeFeeds, prng, synthFeed } from '../../scripts/synth';
import { expect, test } from './support/extension';
import { FeedServer } from './support/feed-server';
import { ExtensionRpc } from './support/rpc';
import { serveTree, verdicts } from './support/signed-feed';
import { bundledFeed } from './support/test-feeds';
import {
  DATASET_DBS,
  liveDatasetSummary,
  stopServiceWorker,
  type DatasetRows,
  type DatasetSummary,
} from './support/worker';

// Feed v2, issue #14: "Stopping the worker at 20 random points during a 100k install never shows
// a mixed dataset and the next sync completes". SYNTHETIC scale data: seq 1 is the real bundled
// dataset alone; seq 2 is the bundled dataset merged with 100,000 made-up tools (scripts/synth.ts),
// with ml-intern's panel score changed from 75 to 62 so an answer tells the two apart. Its delta
// from seq 1 is far over the 8 MiB cap, so the publisher leaves it out and the client installs
// the 128 shards into the spare database, the install the stops land in.

const REPO = 'https://github.com/huggingface/ml-intern';
const SYNTHETIC_TOOLS = 100_000;
const STOPS = 20;
/** ml-intern's panel score in each seq. */
const SCORE = { 1: 75, 2: 62 } as const;
/**
 * Where a stop may land, in shard-times: the N shards, then the dataset-wide checks (counts and
 * pages of comparisons, no index build since each shard writes its index part) and the switch,
 * and a little after.
 */
const FINISH_SHARD_TIMES = 4;

/**
 * What a complete dataset of `feed` published in `shards` shards holds, table by table
 * (lib/store/group-rows.ts): one part of each index per shard holding tools.
 */
function rowsOf(feed: Feed, shards: number): DatasetRows {
  const withVerdicts = new Set(feed.verdicts.map((v) => v.toolId));
  const parts = new Set(
    feed.tools.map((t) => bucketOf(placementKey({ kind: 'tool', record: t }), shards)),
  ).size;
  return {
    tools: feed.tools.length,
    verdicts: feed.verdicts.length,
    reviewers: feed.reviewers.length,
    comparisons: feed.comparisons.length,
    matchKeys: feed.tools.reduce((n, t) => n + toolMatchKeys(t.match).length, 0),
    answers: feed.tools.filter((t) => withVerdicts.has(t.id)).length,
    lookupIndex: parts,
    searchIndex: parts,
  };
}

function publishBoth() {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-lens-stops-'));
  const key = join(dir, 'publisher.key');
  verdicts('keygen', '--out', key);
  const publish = (feed: Feed, out: string, previous?: string) => {
    const file = join(dir, `${out}.json`);
    writeFileSync(file, JSON.stringify(feed));
    verdicts(
      'publish',
      file,
      '--key',
      key,
      '--out',
      join(dir, out),
      ...(previous ? ['--previous', join(dir, previous)] : []),
    );
    rmSync(file);
    return JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')) as Manifest;
  };
  const small = bundledFeed();
  const one = publish(small, 'seq1');
  const generating = Date.now();
  const big = mergeFeeds(
    small,
    synthFeed({ tools: SYNTHETIC_TOOLS, seed: 14 }),
    '2026-11-22T00:00:00.000Z',
  );
  big.verdicts = big.verdicts.map((v) =>
    v.id === 'ml-intern' ? { ...v, panelShip: SCORE[2] } : v,
  );
  const generateMs = Date.now() - generating;
  const publishing = Date.now();
  const two = publish(big, 'seq2', 'seq1');
  return {
    dir,
    ms: { generate: generateMs, publish: Date.now() - publishing },
    manifests: { 1: one, 2: two },
    rows: { 1: rowsOf(small, one.shards.length), 2: rowsOf(big, two.shards.length) },
  };
}

test('20 worker stops during a 100k shard install each leave seq 1 or seq 2 whole, and the next sync resumes and completes', async ({
  context,
  extensionId,
}) => {
  // Over the 120 s aimed for: 2.3 to 3.0 minutes measured on the 2-core machine (20 to 44 s to
  // make and publish the 100k feed, 86 to 124 s for the stops over one 100k install, whose
  // IndexedDB writes take most of it). Twice that, so a busy machine is not a failure.
  test.setTimeout(360_000);
  const seed = Number(process.env.STOPS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`stop points: STOPS_SEED=${seed}`);
  const started = Date.now();
  const pub = publishBoth();
  const publishMs = Date.now() - started;
  const server = await new FeedServer().start();
  try {
    const { manifests, rows } = pub;
    const shards = manifests[2].shards;
    expect(manifests[2].deltas, 'a delta from seq 1 would be too big').toEqual([]);
    expect(manifests[2].counts.tools).toBe(SYNTHETIC_TOOLS + manifests[1].counts.tools);

    const rpc = await ExtensionRpc.open(context, extensionId);
    const url = serveTree(server, join(pub.dir, 'seq1'));
    const first = await rpc.syncFrom(url);
    expect(first.meta?.lastError ?? null).toBeNull();
    expect(first.meta?.signed).toMatchObject({ seq: 1, via: 'shards' });

    /** The live dataset is one seq's, whole: its meta row, its rows and its answers agree. */
    const checkLive = async (what: string): Promise<DatasetSummary> => {
      const live = await liveDatasetSummary(rpc.page);
      expect(DATASET_DBS, `${what}: the pointer names a dataset database`).toContain(live.name);
      const seq = live.meta?.seq;
      expect([1, 2], `${what}: the live dataset is seq 1 or seq 2`).toContain(seq);
      const s = seq as 1 | 2;
      expect(live.meta, `${what}: the meta row is seq ${s}'s`).toEqual({
        source: url,
        counts: manifests[s].counts,
        seq: s,
        digest: manifests[s].digest,
      });
      expect(live.rows, `${what}: the tables hold seq ${s}, all of it`).toEqual(rows[s]);
      // An install never writes into the database that answers.
      if (live.staging) expect(live.staging.name, `${what}: staging`).not.toBe(live.name);
      // Asked through the worker (this wakes it): it answers from the same dataset.
      const found = await rpc.send({ type: 'lookupPage', url: REPO });
      expect(found.found && found.badge.panelShip, `${what}: ml-intern's score`).toBe(SCORE[s]);
      return live;
    };
    await checkLive('seq 1');

    const startServing = Date.now();
    serveTree(server, join(pub.dir, 'seq2'));
    const serveMs = Date.now() - startServing;
    const fromSeq2 = server.served.length;
    const shardsServed = (from: number) =>
      server.served.slice(from).filter((s) => s.path.startsWith('/feed/shards/'));

    // Stop points spread over the install by its progress, a real signal: the staging record
    // lists the shards already in. Point x in [0, N + FINISH_SHARD_TIMES): once the attempt has
    // asked for the manifest, wait until floor(x) shards are in (no wait when as many are in
    // already: the stop lands in the restart, the signature check or the resume), then for the
    // rest of x in shard-times (measured as it goes), then stop. Past N that is the checks, the
    // index build, the switch and after. A run's points come from STOPS_SEED (logged; set it to
    // replay one).
    const rand = prng(seed);
    const points = Array.from(
      { length: STOPS },
      () => rand() * (shards.length + FINISH_SHARD_TIMES),
    ).sort((a, b) => a - b);
    const progress: { at: number; done: number }[] = [];
    let shardMs = 800;
    const seen = { 1: 0, 2: 0 };
    const log: string[] = [];
    const stopsStarted = Date.now();
    for (const [i, x] of points.entries()) {
      const want = Math.min(Math.floor(x), shards.length);
      const extra = x - want;
      let reply: unknown = null;
      const asked = server.requests.length;
      // This attempt runs in the worker once it has asked for the manifest: a stop before that
      // could leave the message to be delivered to the next worker, a sync nobody waits for.
      const running = () =>
        server.requests.slice(asked).some((r) => r.path === '/feed/manifest.json');
      // Not awaited: the worker is stopped under it.
      void rpc
        .send({ type: 'syncNow' })
        .then((status) => status.meta)
        .catch((error: unknown) => String(error))
        .then((outcome) => {
          reply = outcome ?? 'no meta';
        });
      // A generous bound, not a timing: 5 s a shard still to come.
      const deadline = Date.now() + 30_000 + 5_000 * want;
      let now = await liveDatasetSummary(rpc.page);
      while (!running() || ((now.staging?.done ?? 0) < want && now.meta?.seq !== 2)) {
        if (reply !== null) {
          // The sync ended: it must have switched to seq 2, else it failed (a bug).
          now = await liveDatasetSummary(rpc.page);
          expect(now.meta?.seq, `stop ${i}: the sync ended: ${JSON.stringify(reply)}`).toBe(2);
          expect(running(), `stop ${i}: the sync asked for the manifest`).toBe(true);
          break;
        }
        expect(Date.now(), `stop ${i}: ${want} shards in`).toBeLessThan(deadline);
        await rpc.page.waitForTimeout(25);
        now = await liveDatasetSummary(rpc.page);
        const done = now.staging?.done ?? 0;
        if (done !== progress.at(-1)?.done) progress.push({ at: Date.now(), done });
      }
      // The shard-time: the median of the gaps seen between one shard and the next.
      const gaps = progress
        .slice(1)
        .map((p, n) => (p.done === progress[n]!.done + 1 ? p.at - progress[n]!.at : NaN))
        .filter((g) => !Number.isNaN(g))
        .sort((a, b) => a - b);
      if (gaps.length > 0) shardMs = gaps[Math.floor(gaps.length / 2)]!;
      const wait = Math.round(extra * shardMs);
      await rpc.page.waitForTimeout(wait);
      await stopServiceWorker(context, rpc.page);
      const live = await checkLive(`stop ${i}`);
      seen[live.meta!.seq as 1 | 2]++;
      // Resumed, not restarted: each stop so far cost at most the one shard it broke off.
      const kept = live.meta!.seq === 2 ? shards.length : (live.staging?.done ?? 0);
      expect(
        shardsServed(fromSeq2).length,
        `stop ${i}: shard downloads so far`,
      ).toBeLessThanOrEqual(kept + i + 1);
      log.push(
        `stop ${i}: ${want} shards + ${wait} ms → seq ${live.meta!.seq}, ${live.staging?.done ?? '–'} shards staged`,
      );
      progress.length = 0;
    }
    const stopsMs = Date.now() - stopsStarted;
    console.log(log.join('\n'));

    // The next sync completes: it carries on from the shards already in. No sync is running
    // (the worker checkLive woke started none), so what is staged now is what it starts from.
    expect((await rpc.send({ type: 'getStatus' })).syncing).toBe(false);
    const before = await liveDatasetSummary(rpc.page);
    const fromFinal = server.served.length;
    const finalStarted = Date.now();
    const status = await rpc.send({ type: 'syncNow' });
    const finalMs = Date.now() - finalStarted;
    expect(status.meta?.lastError ?? null).toBeNull();
    expect(status.meta?.signed?.seq).toBe(2);
    const after = await checkLive('after the next sync');
    expect(after.meta?.seq).toBe(2);
    expect(after.staging).toBeNull();

    const finalShards = shardsServed(fromFinal);
    const snapshotBytes = shards.reduce((n, s) => n + s.bytes, 0);
    const finalBytes = finalShards.reduce((n, s) => n + s.bytes, 0);
    if (before.meta?.seq === 2) {
      expect(finalShards, 'seq 2 was live already: nothing to download').toEqual([]);
    } else {
      // Exactly the shards the stops left out, each once: none of those already in again.
      const staged = before.staging?.name === after.name ? before.staging.done : 0;
      expect(finalShards.length, 'shards downloaded by the last sync').toBe(shards.length - staged);
      expect(new Set(finalShards.map((s) => s.path)).size).toBe(finalShards.length);
      if (staged > 0) expect(finalBytes).toBeLessThan(snapshotBytes);
    }
    // Over the whole install too.
    const all = shardsServed(fromSeq2);
    expect(new Set(all.map((s) => s.path)).size, 'every shard arrived').toBe(shards.length);
    expect(all.length, 'shard downloads in all').toBeLessThanOrEqual(shards.length + STOPS);

    console.log(
      [
        `publishing ${publishMs} ms in all: the 100k feed made in ${pub.ms.generate} ms, published by the CLI in ${pub.ms.publish} ms; serving the tree ${serveMs} ms`,
        `${STOPS} stops ${stopsMs} ms (shard-time ${shardMs} ms): ${seen[1]} left seq 1, ${seen[2]} seq 2`,
        `the last sync ${finalMs} ms: ${finalShards.length} of ${shards.length} shards, ${finalBytes} of ${snapshotBytes} bytes`,
        `shard downloads in all: ${all.length}`,
      ].join('\n'),
    );
  } finally {
    await server.stop();
    rmSync(pub.dir, { recursive: true, force: true });
  }
});
