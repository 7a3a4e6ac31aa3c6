import type { BenchBrowser } from '../browser';
import type { BenchContext } from '../context';
import { describeTimeline, extensionTimeline, traceNavigation } from '../trace';

/** A GitHub repo page the dataset has no verdict for: the content script looks it up and stops. */
export const UNRATED_URL = 'https://github.com/synthetic-unrated/not-in-the-dataset';
/** How long after `load` the page is left alone before reading its counters. */
const SETTLE_MS = 600;

interface PageCost {
  scriptMs: number;
  taskMs: number;
}

/** Main-thread time of one fresh page load, from CDP Performance.getMetrics (seconds → ms). */
async function loadCost(browser: BenchBrowser, url: string): Promise<PageCost> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { scriptMs: get('ScriptDuration'), taskMs: get('TaskDuration') };
  } finally {
    await page.close();
  }
}

export interface OverheadSamples {
  /** Per run: the extension's ScriptDuration minus the plain browser's, same page, same run. */
  extraScript: number[];
  extraTask: number[];
  extScript: number[];
  plainScript: number[];
  /** The floor extension (one static element) against the same baseline, for reference. */
  floorExtraScript: number[];
}

/**
 * Alternating: the same unrated page without extensions, with this one, and with the floor
 * extension (whose script pays the same isolated-world setup any content script pays).
 */
export async function measurePageOverhead(ctx: BenchContext): Promise<OverheadSamples> {
  const out: OverheadSamples = {
    extraScript: [],
    extraTask: [],
    extScript: [],
    plainScript: [],
    floorExtraScript: [],
  };
  await ctx.ping();
  await loadCost(ctx.ext, UNRATED_URL);
  await loadCost(ctx.plain, UNRATED_URL);
  for (let run = 0; run < ctx.runs; run++) {
    const plain = await loadCost(ctx.plain, UNRATED_URL);
    const ext = await loadCost(ctx.ext, UNRATED_URL);
    const floor = await loadCost(ctx.floor, UNRATED_URL);
    out.floorExtraScript.push(floor.scriptMs - plain.scriptMs);
    out.extScript.push(ext.scriptMs);
    out.plainScript.push(plain.scriptMs);
    out.extraScript.push(ext.scriptMs - plain.scriptMs);
    out.extraTask.push(ext.taskMs - plain.taskMs);
  }
  ctx.progress(`page overhead: ext script ${out.extScript.map((n) => n.toFixed(2)).join(' ')}`);
  ctx.progress(`page overhead: plain script ${out.plainScript.map((n) => n.toFixed(2)).join(' ')}`);
  return out;
}

/** One traced load of the unrated page: which extension scripts ran, when, and for how long. */
export async function diagnosePageOverhead(ctx: BenchContext): Promise<string> {
  const page = await ctx.ext.context.newPage();
  const events = await traceNavigation(ctx.ext.context, page, UNRATED_URL, () =>
    page.waitForLoadState('load').then(() => page.waitForTimeout(SETTLE_MS)),
  );
  await page.close();
  return describeTimeline(extensionTimeline(events, UNRATED_URL, ctx.extensionId), null);
}
