import type { Page } from '@playwright/test';
import { send, timedSend } from '../browser';
import type { BenchContext } from '../context';
import { RATED_URL } from './badge';

/**
 * "Interactive": a search input (the pickers' combobox) is in the document and enabled, and no
 * element is still `aria-busy="true"` (the popup is busy until its first lookup has rendered).
 * Page time since navigation start, from a MutationObserver in the popup's main world.
 */
const READY_SCRIPT = `(() => {
  window.__vlbReady = null;
  const check = () => {
    if (window.__vlbReady !== null) return;
    const input = document.querySelector('input[role="combobox"], input[type="search"]');
    if (input && !input.disabled && !document.querySelector('[aria-busy="true"]'))
      window.__vlbReady = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** What people type into the popup's search: names, words, a version, a typo. */
export const QUERIES = [
  'synthetic tool 4711',
  'ml-intern',
  'neural loom',
  'cursor',
  'tool 123',
  'vector forge',
  'qzx',
  'agentic compiler',
];
/** The pickers ask for this many (components/ToolPicker.tsx). */
const SHOWN = 12;

async function openPopup(
  ctx: BenchContext,
  tabId: number,
): Promise<{ page: Page; readyMs: number }> {
  const page = await ctx.ext.context.newPage();
  await page.addInitScript({ content: READY_SCRIPT });
  await page.goto(`chrome-extension://${ctx.extensionId}/popup.html?tab=${tabId}`, {
    waitUntil: 'commit',
  });
  const handle = await page.waitForFunction(
    () => (window as unknown as { __vlbReady: number | null }).__vlbReady,
    null,
    { timeout: 15_000, polling: 20 },
  );
  return { page, readyMs: (await handle.jsonValue()) as number };
}

export interface PopupSamples {
  /** Worker warm, search index built. */
  ready: number[];
  /** The worker stopped before each open (the popup's first messages start it). */
  readyCold: number[];
  /** The first search after the worker started, the popup opening meanwhile. */
  firstSearchMs: number;
  /**
   * Per run: the worker stopped, started by a ping, then the first search's round trip from an
   * extension page (the worker reads the stored search index for it).
   */
  firstSearch: number[];
  /** Per run (one query typed), each keystroke's search round trip. */
  keystroke: number[][];
}

/**
 * The popup as it opens on the rated GitHub tab (`popup.html?tab=ID`, how the tests open it), the
 * worker warm; then the search it sends per keystroke, each prefix of each query in turn.
 */
export async function measurePopup(ctx: BenchContext): Promise<PopupSamples> {
  const tab = await ctx.ext.context.newPage();
  await tab.goto(RATED_URL);
  const tabId = await (
    await ctx.rpc()
  ).evaluate(async (url) => {
    const chrome = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
      }
    ).chrome;
    const [found] = await chrome.tabs.query({ url });
    return found?.id ?? null;
  }, RATED_URL);
  if (tabId === null) throw new Error('no tab id for the rated page');

  const ready: number[] = [];
  await (await openPopup(ctx, tabId)).page.close();
  // The popup's compare panel asks for a search on open, which builds the index in a new worker:
  // wait for it, so "warm" means warm (the cold case is measured below).
  await send(await ctx.rpc(), { type: 'searchVerdicts', query: '', limit: 1 });
  for (let run = 0; run < ctx.runs; run++) {
    await ctx.ping();
    const { page, readyMs } = await openPopup(ctx, tabId);
    ready.push(readyMs);
    await page.close();
  }
  ctx.progress(`popup ready: ${ready.map((n) => n.toFixed(1)).join(' ')}`);

  // A restarted worker has not read the index yet: time the first search, which reads it.
  await ctx.stopWorker();
  const { page } = await openPopup(ctx, tabId);
  const first = await timedSend(page, { type: 'searchVerdicts', query: 's', limit: SHOWN });
  if (!first.reply.ok) throw new Error(`search failed: ${JSON.stringify(first.reply)}`);
  const keystroke: number[][] = [];
  for (let run = 0; run < Math.max(ctx.runs, QUERIES.length); run++) {
    const query = QUERIES[run % QUERIES.length]!;
    const typed: number[] = [];
    for (let i = 1; i <= query.length; i++) {
      const { ms, reply } = await timedSend(page, {
        type: 'searchVerdicts',
        query: query.slice(0, i),
        limit: SHOWN,
      });
      if (!reply.ok) throw new Error(`search failed: ${JSON.stringify(reply)}`);
      typed.push(ms);
    }
    keystroke.push(typed);
  }
  await page.close();

  const readyCold: number[] = [];
  for (let run = 0; run < Math.min(ctx.runs, 5); run++) {
    await ctx.stopWorker();
    const { page: cold, readyMs } = await openPopup(ctx, tabId);
    readyCold.push(readyMs);
    await cold.close();
  }
  await tab.close();

  const firstSearch: number[] = [];
  for (let run = 0; run < Math.min(ctx.runs, 10); run++) {
    await ctx.stopWorker();
    await ctx.ping();
    const rpc = await ctx.rpc();
    const { ms, reply } = await timedSend(rpc, {
      type: 'searchVerdicts',
      query: 's',
      limit: SHOWN,
    });
    if (!reply.ok) throw new Error(`search failed: ${JSON.stringify(reply)}`);
    firstSearch.push(ms);
  }
  ctx.progress(
    `first search after a worker start: ${firstSearch.map((n) => n.toFixed(1)).join(' ')}`,
  );
  return { ready, readyCold, firstSearchMs: first.ms, firstSearch, keystroke };
}
