import { browser } from 'wxt/browser';
import { DATA_TABLES, VerdictDb } from '../store/db';
import { datasetRows } from '../store/install';
import { detect } from '../detect';
import { parseFeed } from '../feed/validate';
import { answerForTool } from '../store/answers';
import { createLookupIndexCache } from '../store/lookup-index';
import { syncFeed } from '../sync/sync-feed';
import { injectPopoverUi } from './page-scripts';
import type { WorkerState } from './worker-state';

/**
 * BENCH BUILD ONLY (`wxt build --mode bench`): functions on `globalThis` that scripts/bench calls
 * with `serviceWorker.evaluate`. entrypoints/background.ts installs them behind
 * `import.meta.env.MODE === 'bench'`, so production and e2e builds drop this module entirely.
 */
export interface BenchHooks {
  /** One sync through the real path (syncFeed), with a byte cap of the bench's choosing. */
  sync(url: string, maxBytes?: number): Promise<BenchSyncResult>;
  /** Downloads and checks a feed and builds the rows the install writes; not timed. */
  prepareFloor(url: string): Promise<{ rows: number }>;
  /** The floor of a full sync: the prepared rows, one raw `bulkPut` per table, one transaction. */
  floorBulkPut(): Promise<{ ms: number }>;
  /** Drops the prepared rows and the floor database. */
  resetFloor(): Promise<void>;
  /**
   * The lookup's steps (content-handlers.ts), each timed on its own, in ms: the index read on a worker
   * wake (once), detect and find for every URL, and the answer the popover reads when opened;
   * `idb` is one bare `meta.get` (the price of any IndexedDB round trip).
   */
  profileLookup(urls: string[]): Promise<Record<LookupStage, number[]>>;
  /** The popover UI injection of a first opening (page-scripts.ts), into the tab at `url`, ms. */
  timeInjectUi(url: string): Promise<{ ms: number; ok: boolean }>;
  /**
   * What the probe saw since the last call (and forgets it): each lookup message's arrival and
   * each `scripting.executeScript` call, in epoch ms (`performance.timeOrigin + now()`), so the
   * bench can line them up with page times.
   */
  probeEvents(): Promise<ProbeEvent[]>;
}

export type ProbeEvent =
  { what: 'navigation'; at: number; url: string } | { what: 'inject'; at: number; end: number };

/** detect: the URL; indexRead: the packed index read once (a worker wake); find: a lookup in it;
 * answer: the popover's read when a badge is opened; idb: a one-row read, for scale. */
export type LookupStage = 'detect' | 'indexRead' | 'find' | 'answer' | 'idb';

export interface BenchSyncResult {
  ms: number;
  kind: string;
  error?: string;
  tools?: number;
}

export const BENCH_GLOBAL = '__verdictLensBench';
const FLOOR_DB = 'verdict-lens-bench-floor';

/**
 * A passive probe, installed with the hooks at worker start (before any lookup): a second
 * tabs.onUpdated listener, and a wrapper around executeScript.
 */
function installProbe(events: ProbeEvent[]): void {
  const now = () => performance.timeOrigin + performance.now();
  // Bounded, however long the worker lives.
  const record = (event: ProbeEvent) => events.push(event) > 1000 && events.shift();
  // The worker hears of a navigation here, and decides what the page runs (tab-sync.ts).
  browser.tabs.onUpdated.addListener((_tab, change) => {
    if (change.url) record({ what: 'navigation', at: now(), url: change.url });
  });
  const scripting = browser.scripting as unknown as {
    executeScript: (...args: unknown[]) => Promise<unknown>;
  };
  const original = scripting.executeScript.bind(scripting);
  scripting.executeScript = (...args) => {
    const at = now();
    return original(...args).finally(() => record({ what: 'inject', at, end: now() }));
  };
}

/**
 * `state`: the worker's own, whose dataset slots say which database is live (a v2 install moves
 * it); the lookup index it may hold is dropped after a hook's install, which goes behind its back.
 */
export function installBenchHooks(state: Pick<WorkerState, 'slots' | 'lookupIndex'>): void {
  const live = async () => {
    await state.slots.ready();
    return state.slots.live;
  };
  const onInstalled = () => state.lookupIndex.invalidate();
  const events: ProbeEvent[] = [];
  installProbe(events);
  let prepared: ReturnType<typeof datasetRows> | null = null;
  let floorDb: VerdictDb | null = null;

  const hooks: BenchHooks = {
    async sync(url, maxBytes) {
      const db = await live();
      const start = performance.now();
      const outcome = await syncFeed(db, url, {
        fetch: (...a) => fetch(...a),
        now: () => new Date(),
        maxBytes,
        // The 100,000-tool run raises the byte cap past what the 90 s budget is sized for.
        installBudgetMs: 15 * 60_000,
      });
      const ms = performance.now() - start;
      if (outcome.kind === 'updated') onInstalled();
      if (outcome.kind === 'failed')
        return { ms, kind: outcome.kind, error: outcome.error.message };
      if (outcome.kind === 'updated')
        return { ms, kind: outcome.kind, tools: outcome.meta.counts.tools };
      return { ms, kind: outcome.kind };
    },
    async prepareFloor(url) {
      const response = await fetch(url, { cache: 'no-store', credentials: 'omit' });
      const parsed = parseFeed(await response.json());
      if (!parsed.ok) throw new Error(`floor feed invalid: ${parsed.problems[0]?.message}`);
      prepared = datasetRows(parsed.feed);
      return { rows: Object.values(prepared).reduce((n, rows) => n + rows.length, 0) };
    },
    async floorBulkPut() {
      if (!prepared) throw new Error('prepareFloor first');
      floorDb ??= new VerdictDb(FLOOR_DB);
      const target = floorDb;
      const tables = DATA_TABLES.map((name) => target.table(name));
      // Emptied outside the timing, so every run writes into the same state a sync finds.
      await target.transaction('rw', tables, () => Promise.all(tables.map((t) => t.clear())));
      const rows = prepared;
      const start = performance.now();
      // The same rows installFeed writes (datasetRows), one raw bulkPut per table.
      await target.transaction('rw', tables, async () => {
        for (const name of DATA_TABLES) await target.table(name).bulkPut([...rows[name]]);
      });
      return { ms: performance.now() - start };
    },
    async profileLookup(urls) {
      const out: Record<LookupStage, number[]> = {
        detect: [],
        indexRead: [],
        find: [],
        answer: [],
        idb: [],
      };
      const timed = async <T>(stage: LookupStage, run: () => T | Promise<T>): Promise<T> => {
        const start = performance.now();
        const result = await run();
        out[stage].push(performance.now() - start);
        return result;
      };
      const db = await live();
      // A fresh cache, as a worker wake has: the read and the unpacking are timed together.
      const cache = createLookupIndexCache(() => db.lookupIndex.toArray());
      const index = await timed('indexRead', () => cache.get());
      for (const url of urls) {
        await timed('idb', () => db.meta.get('current'));
        const detection = await timed('detect', () => detect(url));
        if (!detection) continue;
        const badge = await timed('find', () => index.find(detection.keys));
        if (badge) await timed('answer', () => answerForTool(db, badge.toolId));
      }
      return out;
    },
    async timeInjectUi(url) {
      const [tab] = await browser.tabs.query({ url });
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      const start = performance.now();
      const ok = await injectPopoverUi(tab.id, 0);
      return { ms: performance.now() - start, ok };
    },
    async probeEvents() {
      return events.splice(0, events.length);
    },
    async resetFloor() {
      prepared = null;
      floorDb?.close();
      floorDb = null;
      await new VerdictDb(FLOOR_DB).delete();
    },
  };
  (globalThis as Record<string, unknown>)[BENCH_GLOBAL] = hooks;
}
