import type { Feed } from '../../../lib/feed/schema';
import type { StatusAnswer } from '../../../lib/messaging/protocol';
import { send, timedSend } from '../browser';
import type { BenchContext } from '../context';
import type { BenchFeedServer } from '../feed-server';
import { hook } from '../hooks';
import { publicationChain } from '../../publish/chain';
import { onePercentChanged } from '../feeds';
import { withHeapSampling } from './sync';

export interface SyncV2Samples {
  /** Seconds, a full v2 install of the big dataset (syncNow round trip, every shard fetched). */
  full: number[];
  /** Seconds, a raw bulkPut of the same rows in the worker. */
  floor: number[];
  /** MB, the worker's peak used heap during each full install. */
  heapMb: number[];
  /** Seconds, a sync of a publication with 1 % of the tools changed (by delta). */
  delta: number[];
  /** Bytes each delta sync downloaded, as a share of the snapshot's. */
  deltaShare: number[];
  publishSeconds: number;
  snapshotBytes: number;
  deltaBytes: number[];
  /** Per full install: the heap peak (MB) over its first 90 % (the shards) and its last 10 %. */
  heapPhases: { shards: number; end: number }[];
}

/** Full installs and delta syncs are minutes at 100,000 tools: a few runs, not `ctx.runs`. */
const MAX_RUNS = 3;
const PREFIX = '/v2';

/** Every file of a publication on the bench server: nothing cached, so each install downloads. */
function serve(server: BenchFeedServer, files: Map<string, Buffer>): string {
  let manifestUrl = '';
  for (const [path, bytes] of files) {
    const type = path.endsWith('.ndjson') ? 'application/x-ndjson' : 'application/json';
    const url = server.set(`${PREFIX}/${path}`, bytes.toString('utf8'), {
      'Content-Type': type,
      'Cache-Control': 'no-store',
    });
    if (path === 'manifest.json') manifestUrl = url;
  }
  return manifestUrl;
}

async function syncNow(ctx: BenchContext, seq: number, via: 'shards' | 'delta') {
  const { ms, reply } = await timedSend<StatusAnswer>(await ctx.rpc(), { type: 'syncNow' });
  const signed = reply.data?.meta?.signed;
  if (!reply.ok || reply.data?.meta?.lastError || signed?.seq !== seq || signed.via !== via)
    throw new Error(
      `v2 sync to seq ${seq} by ${via} failed: ${JSON.stringify(reply).slice(0, 400)}`,
    );
  return ms / 1000;
}

/**
 * `sync.full100k.s` (with its floor, the rows' raw bulkPut), `sync.heap100k.mb`, and
 * `sync.delta1pct.s` / `.bytes`: the big dataset published by the real publisher, served from
 * 127.0.0.1, synced the way "Sync now" does with the feed and key set as the options page sets
 * them. Full installs start from the bundled dataset; the delta runs follow one another, each
 * publication 1 % of the tools away from the one before.
 */
export async function measureSyncV2(
  ctx: BenchContext,
  server: BenchFeedServer,
  feed: Feed,
): Promise<SyncV2Samples> {
  const runs = Math.min(ctx.runs, MAX_RUNS);
  const publisher = await publicationChain();
  try {
    const started = performance.now();
    const first = await publisher.next(feed, new Date().toISOString());
    const publishSeconds = (performance.now() - started) / 1000;
    const snapshotBytes = first.manifest.shards.reduce((n, s) => n + s.bytes, 0);
    ctx.progress(
      `v2: published seq 1 in ${publishSeconds.toFixed(1)} s: ${first.manifest.shards.length} shards, ${(snapshotBytes / 1e6).toFixed(1)} MB`,
    );
    const url = serve(server, first.files);
    await send(await ctx.rpc(), { type: 'setFeedUrl', url, publicKey: publisher.publicKey });
    const out: SyncV2Samples = {
      full: [],
      floor: [],
      heapMb: [],
      delta: [],
      deltaShare: [],
      publishSeconds,
      snapshotBytes,
      deltaBytes: [],
      heapPhases: [],
    };
    for (let run = 0; run < runs; run++) {
      await send(await ctx.rpc(), { type: 'resetToBundled' });
      const sampled = await withHeapSampling(ctx, () => syncNow(ctx, 1, 'shards'));
      out.full.push(sampled.result);
      out.heapMb.push(sampled.peakHeapMb);
      const cut = 0.9 * sampled.seconds;
      const peakOf = (keep: (t: number) => boolean) =>
        Math.max(0, ...sampled.timeline.filter(([t]) => keep(t)).map(([, m]) => m));
      out.heapPhases.push({ shards: peakOf((t) => t < cut), end: peakOf((t) => t >= cut) });
      ctx.progress(
        `v2 full install ${run + 1}/${runs}: ${sampled.result.toFixed(1)} s, heap peak ${sampled.peakHeapMb.toFixed(0)} MB (from ${sampled.baselineHeapMb.toFixed(0)} MB, ${sampled.samples} samples)`,
      );
    }
    // The floor after the installs: its prepared rows would sit in the heap being measured.
    const floorUrl = server.set(`${PREFIX}-floor.json`, JSON.stringify(feed));
    const worker = await ctx.worker();
    await hook(worker, 'prepareFloor', floorUrl);
    for (let run = 0; run < runs; run++) {
      out.floor.push((await hook(worker, 'floorBulkPut')).ms / 1000);
      ctx.progress(`v2 floor ${run + 1}/${runs}: ${out.floor.at(-1)!.toFixed(1)} s`);
    }
    await hook(worker, 'resetFloor');
    let current = feed;
    for (let run = 0; run < runs; run++) {
      current = onePercentChanged(current, run + 1);
      const next = await publisher.next(current, new Date().toISOString());
      serve(server, next.files);
      const before = server.bytesServed;
      out.delta.push(await syncNow(ctx, run + 2, 'delta'));
      const bytes = server.bytesServed - before;
      out.deltaBytes.push(bytes);
      out.deltaShare.push(bytes / snapshotBytes);
      ctx.progress(
        `v2 delta ${run + 1}/${runs}: ${out.delta.at(-1)!.toFixed(2)} s, ${bytes} bytes (${((100 * bytes) / snapshotBytes).toFixed(2)} %)`,
      );
    }
    return out;
  } finally {
    await publisher.close();
  }
}
