import type { Page, Worker } from '@playwright/test';
import {
  extensionIdOf,
  extensionPage,
  launch,
  send,
  serviceWorkerOf,
  type BenchBrowser,
} from './browser';
import { WorkerControl } from './worker';
import type { BenchFeedServer } from './feed-server';

/** What every metric gets: the browsers, the worker, the feed server and the run count. */
export interface BenchContext {
  quick: boolean;
  /** Runs per figure (at least 20 for a full run). */
  runs: number;
  /** Tools in the big dataset the page, lookup and popup figures run against. */
  bigTools: number;
  ext: BenchBrowser;
  floor: BenchBrowser;
  /** No extension at all: the baseline the overhead figures subtract. */
  plain: BenchBrowser;
  /** An extension whose content script does nothing: the floor of the overhead figures. */
  empty: BenchBrowser;
  /**
   * An extension that reads a list page's result links and nothing more (floor-extension.ts),
   * launched on first use: only the list figures need it.
   */
  reader(): Promise<BenchBrowser>;
  extensionId: string;
  server: BenchFeedServer;
  /** The extension page messages are sent from; reopened after a worker stop closed it. */
  rpc(): Promise<Page>;
  /** The running service worker (started if needed). */
  worker(): Promise<Worker>;
  ping(): Promise<void>;
  stopWorker(): Promise<void>;
  progress(message: string): void;
}

export async function createContext(opts: {
  quick: boolean;
  runs: number;
  bigTools: number;
  extensionDir: string;
  floorDir: string;
  emptyDir: string;
  readerDir: string;
  /** Makes a browser ready to load the bench's pages (its routes); for the reader, on launch. */
  prepare: (browser: BenchBrowser) => Promise<void>;
  server: BenchFeedServer;
  progress: (message: string) => void;
}): Promise<{ ctx: BenchContext; close: () => Promise<void> }> {
  const ext = await launch('ext', opts.extensionDir);
  const floor = await launch('floor', opts.floorDir);
  const plain = await launch('plain', null);
  const empty = await launch('empty', opts.emptyDir);
  const extensionId = extensionIdOf(await serviceWorkerOf(ext.context));
  const workers = await WorkerControl.attach(ext, extensionId);
  let rpcPage: Page | null = null;
  let reader: Promise<BenchBrowser> | null = null;

  const rpc = async (): Promise<Page> => {
    if (!rpcPage || rpcPage.isClosed()) rpcPage = await extensionPage(ext.context, extensionId);
    return rpcPage;
  };
  const ctx: BenchContext = {
    quick: opts.quick,
    runs: opts.runs,
    bigTools: opts.bigTools,
    ext,
    floor,
    plain,
    empty,
    reader: () =>
      (reader ??= launch('reader', opts.readerDir).then(async (browser) => {
        try {
          await opts.prepare(browser);
          return browser;
        } catch (error) {
          // Not left running: close() only closes a reader that came up.
          await browser.close();
          throw error;
        }
      })),
    extensionId,
    server: opts.server,
    rpc,
    async worker() {
      await send(await rpc(), { type: 'ping' });
      const live = ext.context.serviceWorkers().filter((w) => w.url().includes(extensionId));
      return live.at(-1) ?? serviceWorkerOf(ext.context);
    },
    async ping() {
      await send(await rpc(), { type: 'ping' });
    },
    stopWorker: () => workers.stop(),
    progress: opts.progress,
  };
  await waitForBundled(ctx);
  return {
    ctx,
    close: async () => {
      const launched = reader ? [reader.then((browser) => browser.close())] : [];
      await Promise.allSettled([
        ext.close(),
        floor.close(),
        plain.close(),
        empty.close(),
        ...launched,
      ]);
    },
  };
}

/** First run: the worker installs the bundled dataset; nothing is measured before that. */
async function waitForBundled(ctx: BenchContext): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const status = await send<{ meta: unknown }>(await ctx.rpc(), { type: 'getStatus' });
    if (status.meta) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the bundled dataset was not installed');
}
