import type { BrowserContext, Page } from '@playwright/test';

/** A Chrome trace event (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid?: number;
  tid?: number;
  args?: {
    data?: Record<string, unknown>;
    beginData?: { url?: string };
    fileName?: string;
    worldName?: string;
  };
}

const CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'loading',
  'blink',
  'blink.user_timing',
];

/** Traces one navigation of `page` to `url` until `settled` resolves. */
export async function traceNavigation(
  context: BrowserContext,
  page: Page,
  url: string,
  settled: () => Promise<unknown>,
): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: object[] }) =>
    events.push(...(e.value as TraceEvent[])),
  );
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await page.goto('about:blank');
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'commit' });
  await settled();
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

export interface ExtensionTimeline {
  /** Page time (ms from navigation start) of DOMContentLoaded and load. */
  domContentLoaded: number | null;
  load: number | null;
  /** Each extension script evaluated in the page: when it ran, and for how long (ms). */
  scripts: { file: string; at: number; ms: number }[];
  /** All main-thread time in the extension's code: evaluations plus callbacks (ms). */
  extensionMs: number;
  /** The same, callbacks only, as [page time, ms]. */
  callbacks: [number, number][];
  /**
   * V8's own time in the extension's isolated worlds (ms): compiles, runs and calls, with the
   * microtasks they run. A function run by `executeScript({ func })` has no URL, so only this
   * figure sees it.
   */
  worldMs: number;
}

/** V8 events that carry the world they ran in; a call's span includes its microtasks. */
const WORLD_EVENTS = new Set(['v8.compile', 'v8.run', 'v8.callFunction']);

/** The length of the union of `[start, end)` spans (nested and overlapping ones count once). */
export function unionLength(spans: readonly (readonly [number, number])[]): number {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/**
 * Time in isolated worlds other than Playwright's own (ms) on the thread that parsed `pageUrl`,
 * from `t0` on: in the bench's extension profile, those are the extension's.
 */
export function extensionWorldMs(
  events: readonly TraceEvent[],
  pageUrl: string,
  t0: number,
): number {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  const spans = events
    .filter(
      (e) =>
        e.ts >= t0 &&
        e.ph === 'X' &&
        WORLD_EVENTS.has(e.name) &&
        (!parse || (e.pid === parse.pid && e.tid === parse.tid)) &&
        !!e.args?.worldName &&
        !e.args.worldName.startsWith('__playwright'),
    )
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const);
  return unionLength(spans) / 1000;
}

const urlOf = (e: TraceEvent): string => String(e.args?.data?.url ?? e.args?.fileName ?? '');

/** What the extension did on the main thread during the traced navigation to `pageUrl`. */
export function extensionTimeline(
  events: readonly TraceEvent[],
  pageUrl: string,
  extensionId: string,
): ExtensionTimeline {
  const start = events.find(
    (e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl,
  );
  const t0 = start?.ts ?? 0;
  const at = (e: TraceEvent | undefined) => (e ? (e.ts - t0) / 1000 : null);
  const after = (e: TraceEvent) => e.ts >= t0;
  const mine = (e: TraceEvent) => after(e) && urlOf(e).includes(extensionId);
  const scripts = events
    .filter((e) => e.name === 'EvaluateScript' && mine(e))
    .map((e) => ({
      file: urlOf(e).split('/').slice(3).join('/'),
      at: at(e)!,
      ms: (e.dur ?? 0) / 1000,
    }));
  const calls = events.filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && mine(e));
  const callbacks = calls.map((e) => [at(e)!, (e.dur ?? 0) / 1000] as [number, number]);
  return {
    domContentLoaded: at(events.find((e) => e.name === 'MarkDOMContent' && after(e))),
    load: at(events.find((e) => e.name === 'MarkLoad' && after(e))),
    scripts,
    extensionMs: scripts.reduce((n, s) => n + s.ms, 0) + callbacks.reduce((n, [, ms]) => n + ms, 0),
    callbacks,
    worldMs: extensionWorldMs(events, pageUrl, t0),
  };
}

const f = (n: number | null) => (n === null ? '?' : n.toFixed(1));

/** One line: `DCL 22.1, lens.js @27.8 (1.2 ms), …, badge @71.0; extension main thread 9.3 ms`. */
export function describeTimeline(t: ExtensionTimeline, seenAt: number | null): string {
  const parts = [`DOMContentLoaded @${f(t.domContentLoaded)}`, `load @${f(t.load)}`];
  for (const s of t.scripts) parts.push(`${s.file} evaluated @${f(s.at)} (${f(s.ms)} ms)`);
  const lastCall = t.callbacks.at(-1);
  if (t.callbacks.length > 0)
    parts.push(
      `${t.callbacks.length} callbacks @${f(t.callbacks[0]![0])}…@${f(lastCall![0])} (${f(t.callbacks.reduce((n, [, ms]) => n + ms, 0))} ms)`,
    );
  if (seenAt !== null) parts.push(`element in page @${f(seenAt)}`);
  return `${parts.join(', ')}; extension main-thread total ${f(t.extensionMs)} ms; V8 in its isolated worlds (traced, compiles included) ${f(t.worldMs)} ms`;
}
