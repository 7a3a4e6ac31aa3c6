import type { Page } from '@playwright/test';
import { FLOOR_SELECTOR } from '../floor-extension';
import type { BenchContext } from '../context';
import { hook } from '../hooks';
import { describeTimeline, extensionTimeline, traceNavigation } from '../trace';
import { UNRATED_URL } from './page-overhead';

/** The badge's shadow host (lib/content/badge-host.ts); it goes into the page already drawn. */
export const BADGE_SELECTOR = '[data-verdict-lens-host="badge"]';
/** The rated GitHub page: the real ml-intern tool from the bundled dataset. */
export const RATED_URL = 'https://github.com/huggingface/ml-intern';

/**
 * In the page's main world, from document creation: the page time (ms since navigation start)
 * at which a badge or the floor's element (or the `want`-th of them: a list page's chips) is in
 * the document. A MutationObserver callback runs right after the task that inserted it, so this
 * is the insertion time.
 */
function seenScript(selector: string, want: number): string {
  const json = JSON.stringify(selector);
  // One element is found without counting them all.
  const present =
    want === 1
      ? `(() => { const el = document.querySelector(${json}); return el && el.isConnected; })()`
      : `document.querySelectorAll(${json}).length >= ${want}`;
  return `(() => {
  window.__vlbSeen = null;
  const check = () => {
    if (window.__vlbSeen !== null) return;
    if (${present}) window.__vlbSeen = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;
}

export async function watchedPage(page: Page, selector: string, want = 1): Promise<Page> {
  await page.addInitScript({ content: seenScript(selector, want) });
  return page;
}

/** Navigation start → the element in the document, in page time. */
export async function timeToElement(page: Page, url: string, timeoutMs = 15_000): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => (window as unknown as { __vlbSeen: number | null }).__vlbSeen,
    null,
    { timeout: timeoutMs, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

export interface BadgeSamples {
  warm: number[];
  cold: number[];
  floor: number[];
}

/**
 * Alternating in every run: floor, warm badge, floor, cold badge. Warm: the worker has just
 * answered a ping. Cold: the worker was stopped first, so the page's lookup starts it.
 */
export async function measureBadge(ctx: BenchContext): Promise<BadgeSamples> {
  const extPage = await watchedPage(await ctx.ext.context.newPage(), BADGE_SELECTOR);
  const floorPage = await watchedPage(await ctx.floor.context.newPage(), FLOOR_SELECTOR);
  const out: BadgeSamples = { warm: [], cold: [], floor: [] };
  // One untimed round of each, so both browsers have the fixture and the code paths warm.
  await timeToElement(floorPage, RATED_URL);
  await ctx.ping();
  await timeToElement(extPage, RATED_URL);
  for (let run = 0; run < ctx.runs; run++) {
    out.floor.push(await timeToElement(floorPage, RATED_URL));
    await ctx.ping();
    out.warm.push(await timeToElement(extPage, RATED_URL));
    out.floor.push(await timeToElement(floorPage, RATED_URL));
    await ctx.stopWorker();
    out.cold.push(await timeToElement(extPage, RATED_URL));
    ctx.progress(
      `badge run ${run + 1}/${ctx.runs}: warm ${out.warm.at(-1)!.toFixed(1)} ms, cold ${out.cold.at(-1)!.toFixed(1)} ms, floor ${out.floor.at(-1)!.toFixed(1)} ms`,
    );
  }
  await extPage.close();
  await floorPage.close();
  return out;
}

/**
 * One traced navigation each (warm, cold, floor), after the timed runs: when the page was parsed,
 * when each extension script ran and for how long, and when the element went in.
 */
export async function diagnoseBadge(
  ctx: BenchContext,
): Promise<Record<'warm' | 'cold' | 'floor', string>> {
  const extPage = await watchedPage(await ctx.ext.context.newPage(), BADGE_SELECTOR);
  const floorPage = await watchedPage(await ctx.floor.context.newPage(), FLOOR_SELECTOR);
  const seen = (page: Page) => () =>
    page.waitForFunction(
      () => (window as unknown as { __vlbSeen: number | null }).__vlbSeen,
      null,
      { polling: 20 },
    );
  const seenAt = (page: Page) =>
    page.evaluate(() => (window as unknown as { __vlbSeen: number | null }).__vlbSeen);
  const run = async (page: Page, context: typeof ctx.ext.context, id: string) => {
    const events = await traceNavigation(context, page, RATED_URL, seen(page));
    return describeTimeline(extensionTimeline(events, RATED_URL, id), await seenAt(page));
  };
  const floorId = 'chrome-extension://';
  await ctx.ping();
  await timeToElement(extPage, RATED_URL);
  await ctx.ping();
  const warm = await run(extPage, ctx.ext.context, ctx.extensionId);
  await ctx.stopWorker();
  const cold = await run(extPage, ctx.ext.context, ctx.extensionId);
  const floor = await run(floorPage, ctx.floor.context, floorId);
  await extPage.close();
  await floorPage.close();
  return { warm, cold, floor };
}

/**
 * The first opening of a badge has the worker inject the popover UI (scripting.executeScript of
 * the React bundle); this times that call alone, from the worker, into fresh pages.
 */
export async function timeUiInjection(ctx: BenchContext, times = 5): Promise<number[]> {
  const page = await ctx.ext.context.newPage();
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    await page.goto(`${UNRATED_URL}?inject=${i}`, { waitUntil: 'load' });
    const { ms, ok } = await hook(await ctx.worker(), 'timeInjectUi', `${UNRATED_URL}?inject=${i}`);
    if (!ok) throw new Error('the UI injection failed');
    out.push(ms);
  }
  await page.close();
  return out;
}

export type Phase = 'toWorker' | 'toBadge';

/**
 * Untraced: where a badge's time goes, from page times lined up with the worker's probe (epoch
 * ms in both; the two processes' clocks may differ by a fraction of a millisecond):
 * navigation start → the navigation reaches the worker (tabs.onUpdated) → the badge is in the
 * page (the worker's lookup, the lens injected with its answer, the badge drawn).
 */
export async function badgePhases(
  ctx: BenchContext,
  cold: boolean,
  runs: number,
): Promise<Record<Phase, number[]>> {
  const page = await watchedPage(await ctx.ext.context.newPage(), BADGE_SELECTOR);
  const out: Record<Phase, number[]> = { toWorker: [], toBadge: [] };
  for (let run = 0; run < runs; run++) {
    if (cold) await ctx.stopWorker();
    else await hook(await ctx.worker(), 'probeEvents');
    const seen = await timeToElement(page, RATED_URL);
    const origin = await page.evaluate(() => performance.timeOrigin);
    const events = await hook(await ctx.worker(), 'probeEvents');
    const lookup = events.find((e) => e.what === 'navigation' && e.url === RATED_URL);
    if (!lookup) continue;
    out.toWorker.push(lookup.at - origin);
    out.toBadge.push(origin + seen - lookup.at);
  }
  await page.close();
  return out;
}
