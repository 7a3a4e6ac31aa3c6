import type { LookupStage } from '../../../lib/background/bench-hooks';
import { prng } from '../../synth';
import { timedSend } from '../browser';
import { WorkerCdp } from '../worker';
import type { BenchContext } from '../context';
import { hook } from '../hooks';

/** Lookups per run; each run also sends as many pings, alternating. */
const PER_RUN = 40;

/**
 * Page URLs for synthetic tool `n` (see scripts/synth.ts): its GitHub repo, or its Hugging Face model,
 * dataset or space. `.example` product domains are never looked up (the detector skips reserved
 * TLDs), so they are left out.
 */
function ratedUrl(n: number, pick: number): string {
  const org = `synthetic-org-${n % 997}`;
  if (pick < 0.5) return `https://github.com/${org}/synthetic-repo-${n}`;
  const kind = ['', 'datasets/', 'spaces/'][n % 3];
  return `https://huggingface.co/${kind}${org}/synthetic-${n}`;
}

export interface LookupSamples {
  /** Per run: its lookups, and the pings sent between them. */
  lookup: number[][];
  ping: number[][];
  hit: number[];
  miss: number[];
}

/**
 * Round trips from an extension page, timed in the page, each lookup for a URL not asked before:
 * half rated tools (a different one every time), half GitHub repos with no verdict.
 */
export async function measureLookup(ctx: BenchContext): Promise<LookupSamples> {
  const rand = prng(99);
  const page = await ctx.rpc();
  const out: LookupSamples = { lookup: [], hit: [], miss: [], ping: [] };
  let unrated = 0;
  const nextUrl = (): { url: string; rated: boolean } => {
    if (rand() < 0.5)
      return { url: `https://github.com/synthetic-unrated/repo-${++unrated}`, rated: false };
    const n = 1 + Math.floor(rand() * ctx.bigTools);
    return { url: ratedUrl(n, rand()), rated: true };
  };
  // Warm-up: the first lookups open the database and compile the paths.
  for (let i = 0; i < 10; i++) {
    await timedSend(page, { type: 'ping' });
    await timedSend(page, { type: 'lookupPage', url: nextUrl().url });
  }
  for (let run = 0; run < ctx.runs; run++) {
    const lookups: number[] = [];
    const pings: number[] = [];
    out.lookup.push(lookups);
    out.ping.push(pings);
    for (let i = 0; i < PER_RUN; i++) {
      pings.push((await timedSend(page, { type: 'ping' })).ms);
      const { url, rated } = nextUrl();
      const { ms, reply } = await timedSend<{ found: boolean }>(page, { type: 'lookupPage', url });
      if (!reply.ok || reply.data?.found !== rated)
        throw new Error(
          `lookup ${url}: expected found=${rated}, got ${JSON.stringify(reply).slice(0, 200)}`,
        );
      lookups.push(ms);
      (rated ? out.hit : out.miss).push(ms);
    }
  }
  return out;
}

export interface LookupDiagnosis {
  /** Per step of the lookup handler, timed inside the worker (bench hook). */
  stages: Record<LookupStage, number[]>;
  /** Worker CPU profile over a burst of lookups: share of wall time per category. */
  profile: {
    wallMs: number;
    idle: number;
    program: number;
    gc: number;
    js: number;
    lookups: number;
  };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where a lookup's time goes: the handler's steps timed one by one in the worker, and a CPU
 * profile of the worker while lookups arrive by message (idle = waiting on IndexedDB or IPC).
 */
export async function diagnoseLookup(ctx: BenchContext, count = 100): Promise<LookupDiagnosis> {
  const rand = prng(7);
  const urls = Array.from({ length: count }, (_, i) =>
    i % 2
      ? `https://github.com/synthetic-unrated/diag-${i}`
      : ratedUrl(1 + Math.floor(rand() * ctx.bigTools), rand()),
  );
  const worker = await ctx.worker();
  const stages = await hook(worker, 'profileLookup', urls);

  const page = await ctx.rpc();
  const cdp = await WorkerCdp.attach(ctx.ext, ctx.extensionId);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(rand() * ctx.bigTools);
    await timedSend(page, {
      type: 'lookupPage',
      url: i % 2 ? `https://github.com/synthetic-unrated/cpu-${i}` : ratedUrl(n, rand()),
    });
  }
  const wallMs = performance.now() - start;
  const { profile } = await cdp.send<{ profile: CpuProfile }>('Profiler.stop');
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const totals = { idle: 0, program: 0, gc: 0, js: 0 };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const name = byId.get(id) ?? '';
    if (name === '(idle)') totals.idle += dt;
    else if (name === '(program)') totals.program += dt;
    else if (name === '(garbage collector)') totals.gc += dt;
    else totals.js += dt;
  });
  // Shares of the profiled time (it spans a little more than the burst itself).
  const profiled = totals.idle + totals.program + totals.gc + totals.js;
  const share = (n: number) => (wallMs * n) / profiled;
  return {
    stages,
    profile: {
      wallMs,
      idle: share(totals.idle),
      program: share(totals.program),
      gc: share(totals.gc),
      js: share(totals.js),
      lookups: count,
    },
  };
}
