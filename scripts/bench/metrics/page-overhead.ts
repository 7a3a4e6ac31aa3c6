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
  /** The floor: the empty-content-script extension against the same baseline, same runs. */
  emptyExtraScript: number[];
  /** The floor extension (one static element) against the same baseline, for reference. */
  floorExtraScript: number[];
  /** The link reader (floor-extension.ts) against the same baseline, where one was given. */
  readerExtraScript: number[];
}

/**
 * Alternating: the same page without extensions, with this one, with the empty-content-script
 * extension (the floor: what any content script costs) and with the floor extension; on a list
 * page, also with the extension that only reads its result links.
 */
export async function measurePageOverhead(
  ctx: BenchContext,
  url: string = UNRATED_URL,
  reader?: BenchBrowser,
): Promise<OverheadSamples> {
  const out: OverheadSamples = {
    extraScript: [],
    extraTask: [],
    extScript: [],
    plainScript: [],
    emptyExtraScript: [],
    floorExtraScript: [],
    readerExtraScript: [],
  };
  await ctx.ping();
  await loadCost(ctx.ext, url);
  await loadCost(ctx.plain, url);
  await loadCost(ctx.empty, url);
  if (reader) await loadCost(reader, url);
  for (let run = 0; run < ctx.runs; run++) {
    const plain = await loadCost(ctx.plain, url);
    const ext = await loadCost(ctx.ext, url);
    const empty = await loadCost(ctx.empty, url);
    const floor = await loadCost(ctx.floor, url);
    if (reader) out.readerExtraScript.push((await loadCost(reader, url)).scriptMs - plain.scriptMs);
    out.emptyExtraScript.push(empty.scriptMs - plain.scriptMs);
    out.floorExtraScript.push(floor.scriptMs - plain.scriptMs);
    out.extScript.push(ext.scriptMs);
    out.plainScript.push(plain.scriptMs);
    out.extraScript.push(ext.scriptMs - plain.scriptMs);
    out.extraTask.push(ext.taskMs - plain.taskMs);
  }
  const line = (xs: number[]) => xs.map((n) => n.toFixed(2)).join(' ');
  ctx.progress(`overhead of ${url}: ext script ${line(out.extScript)}`);
  ctx.progress(`overhead of ${url}: plain script ${line(out.plainScript)}`);
  return out;
}

/** One traced load of an unrated page: which extension scripts ran, when, and for how long. */
export async function diagnosePageOverhead(
  ctx: BenchContext,
  url: string = UNRATED_URL,
): Promise<string> {
  const page = await ctx.ext.context.newPage();
  const events = await traceNavigation(ctx.ext.context, page, url, () =>
    page.waitForLoadState('load').then(() => page.waitForTimeout(SETTLE_MS)),
  );
  await page.close();
  return describeTimeline(extensionTimeline(events, url, ctx.extensionId), null);
}
