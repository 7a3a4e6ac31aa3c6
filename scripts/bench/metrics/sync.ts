import type { BenchSyncResult } from '../../../lib/background/bench-hooks';
import type { StatusAnswer } from '../../../lib/messaging/protocol';
import { send, timedSend } from '../browser';
import { WorkerCdp } from '../worker';
import type { BenchContext } from '../context';
import { hook } from '../hooks';

export interface SyncSamples {
  /** Seconds, syncNow round trip with a new ETag each time: download, check, install. */
  full: number[];
  /** Seconds, the same rows with a raw Dexie bulkPut in the worker. */
  floor: number[];
  /** Milliseconds, syncNow answered 304. */
  notModified: number[];
  /** Per run of a full sync, the round trips (ms) of lookups asked every 10 ms while it ran. */
  lookupsDuring: number[][];
}

/** Runs of the sync with lookups asked meanwhile: apart from the timed ones, which they slow. */
const LOOKUP_RUNS = 5;
/** Rated in every bench feed (the bundled dataset is part of it). */
const RATED_REPO = 'https://github.com/huggingface/ml-intern';

/** One full sync with a lookup asked every 10 ms until it ends: each lookup's round trip. */
async function lookupsDuringSync(ctx: BenchContext): Promise<number[]> {
  const { times, error } = await (
    await ctx.rpc()
  ).evaluate(async (repo) => {
    const runtime = (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome.runtime;
    let done = false;
    const sync = runtime.sendMessage({ type: 'syncNow' }).finally(() => (done = true));
    const times: number[] = [];
    let error: string | null = null;
    while (!done) {
      const start = performance.now();
      const reply = (await runtime.sendMessage({ type: 'lookupPage', url: repo })) as {
        ok: boolean;
        data?: { found: boolean };
      };
      times.push(performance.now() - start);
      if (!reply.ok || !reply.data?.found)
        error = `lookup during the sync: ${JSON.stringify(reply)}`;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await sync;
    return { times, error };
  }, RATED_REPO);
  if (error) throw new Error(error);
  return times;
}

async function syncNow(
  ctx: BenchContext,
  url: string,
): Promise<{ ms: number; status: StatusAnswer }> {
  const { ms, reply } = await timedSend<StatusAnswer>(await ctx.rpc(), { type: 'syncNow' });
  const status = reply.data;
  if (!reply.ok || !status?.meta || status.meta.source !== url || status.meta.lastError)
    throw new Error(`sync failed: ${JSON.stringify(reply).slice(0, 400)}`);
  return { ms, status };
}

/**
 * `sync.full.s` and its floor alternate run by run; then `sync.notModified.ms`. The feed is set
 * the way the options page sets it (setFeedUrl), and synced the way "Sync now" does.
 */
export async function measureSync(
  ctx: BenchContext,
  path: string,
  url: string,
): Promise<SyncSamples> {
  const out: SyncSamples = { full: [], floor: [], notModified: [], lookupsDuring: [] };
  await send(await ctx.rpc(), { type: 'setFeedUrl', url });
  const worker = await ctx.worker();
  const prepared = await hook(worker, 'prepareFloor', url);
  ctx.progress(`sync floor prepared: ${prepared.rows} rows`);
  // Warm-up, untimed: the first install replaces the bundled dataset.
  ctx.server.bump(path);
  await syncNow(ctx, url);
  for (let run = 0; run < ctx.runs; run++) {
    out.floor.push((await hook(worker, 'floorBulkPut')).ms / 1000);
    ctx.server.bump(path);
    const { ms, status } = await syncNow(ctx, url);
    if (status.meta?.etag === null) throw new Error('no ETag recorded');
    out.full.push(ms / 1000);
    ctx.progress(
      `sync run ${run + 1}/${ctx.runs}: full ${(ms / 1000).toFixed(2)} s, floor ${out.floor.at(-1)!.toFixed(2)} s`,
    );
  }
  for (let run = 0; run < Math.min(ctx.runs, LOOKUP_RUNS); run++) {
    ctx.server.bump(path);
    out.lookupsDuring.push(await lookupsDuringSync(ctx));
    ctx.progress(`sync with lookups ${run + 1}: ${out.lookupsDuring.at(-1)!.length} lookups`);
  }
  await hook(worker, 'resetFloor');
  const installedAt = (await syncNow(ctx, url)).status.meta!.installedAt;
  for (let run = 0; run < ctx.runs; run++) {
    const { ms, status } = await syncNow(ctx, url);
    if (status.meta!.installedAt !== installedAt)
      throw new Error('a 304 sync reinstalled the data');
    out.notModified.push(ms);
  }
  return out;
}

export interface ScaleResult {
  tools: number;
  feedMb: number;
  seconds: number;
  outcome: BenchSyncResult;
  /** Highest sampled V8 heap of the worker during the sync, MB. */
  peakHeapMb: number;
  peakHeapTotalMb: number;
  baselineHeapMb: number;
  samples: number;
}

export interface HeapPeak<T> {
  result: T;
  seconds: number;
  /** Highest sampled V8 heap of the worker while `run` ran, MB. */
  peakHeapMb: number;
  peakHeapTotalMb: number;
  baselineHeapMb: number;
  samples: number;
  /** The used heap sampled over time: [seconds from the start, MB]. */
  timeline: [number, number][];
}

/** `run` timed, with the worker's heap sampled over CDP (Runtime.getHeapUsage) every `everyMs`. */
export async function withHeapSampling<T>(
  ctx: BenchContext,
  run: () => Promise<T>,
  everyMs = 100,
): Promise<HeapPeak<T>> {
  const cdp = await WorkerCdp.attach(ctx.ext, ctx.extensionId);
  type Heap = { usedSize: number; totalSize: number };
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const baseline = await cdp.send<Heap>('Runtime.getHeapUsage');
  let peak = baseline.usedSize;
  let peakTotal = baseline.totalSize;
  let samples = 0;
  const timeline: [number, number][] = [];
  const start = performance.now();
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const heap = await cdp.send<Heap>('Runtime.getHeapUsage').catch(() => null);
      if (heap) {
        samples++;
        peak = Math.max(peak, heap.usedSize);
        timeline.push([(performance.now() - start) / 1000, mb(heap.usedSize)]);
        peakTotal = Math.max(peakTotal, heap.totalSize);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    const result = await run();
    return {
      result,
      seconds: (performance.now() - start) / 1000,
      peakHeapMb: mb(peak),
      peakHeapTotalMb: mb(peakTotal),
      baselineHeapMb: mb(baseline.usedSize),
      samples,
      timeline,
    };
  } finally {
    done = true;
    await sampler;
    await cdp.detach();
  }
}

const mb = (n: number) => n / 1024 / 1024;

/**
 * The big dataset: one full sync through syncFeed in the worker (bench hook, byte cap raised),
 * with the worker's heap sampled.
 */
export async function syncBig(
  ctx: BenchContext,
  url: string,
  feedBytes: number,
): Promise<ScaleResult> {
  // No feed URL: nothing else syncs while the big dataset is installed and measured.
  await send(await ctx.rpc(), { type: 'setFeedUrl', url: '' });
  const worker = await ctx.worker();
  const sampled = await withHeapSampling(ctx, () =>
    hook(worker, 'sync', url, Math.ceil(feedBytes * 1.1)),
  );
  return {
    tools: ctx.bigTools,
    feedMb: mb(feedBytes),
    seconds: sampled.seconds,
    outcome: sampled.result,
    peakHeapMb: sampled.peakHeapMb,
    peakHeapTotalMb: sampled.peakHeapTotalMb,
    baselineHeapMb: sampled.baselineHeapMb,
    samples: sampled.samples,
  };
}
