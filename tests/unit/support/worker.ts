/** A worker's state and handlers on fake-indexeddb and WXT's fake browser, for handler tests. */
import { vi } from 'vitest';
import { createContentHandlers } from '../../../lib/background/content-handlers';
import type { WorkerEffects } from '../../../lib/background/effects';
import { createPageHandlers } from '../../../lib/background/page-handlers';
import type { ProductSites } from '../../../lib/background/product-sites';
import { createWorkerState } from '../../../lib/background/worker-state';
import type { Feed } from '../../../lib/feed/schema';
import type { SenderInfo } from '../../../lib/messaging/sender-policy';
import { installFeed } from '../../../lib/store/install';
import { freshDb } from './db';
import { fakeFetch, toFeed, type FeedJson } from './feeds';

export const CONTENT_SENDER: SenderInfo = {
  id: 'synthetic-extension',
  url: 'https://github.com/synthetic-org/tool-0',
  frameId: 0,
  tab: { id: 7 },
};

export interface TestWorkerOptions {
  /** What "the bundled dataset" is in this test. */
  bundled: FeedJson;
  /** Answers the feed URL; defaults to a network error. */
  serve?: (url: string) => Response | Promise<Response>;
}

export function testWorker({ bundled, serve }: TestWorkerOptions) {
  const db = freshDb();
  const bundledFeed: Feed = toFeed(bundled);
  const installs = { bundled: 0 };
  const effects = {
    injectPopoverUi: vi.fn<WorkerEffects['injectPopoverUi']>(async () => true),
    injectListChips: vi.fn<WorkerEffects['injectListChips']>(async () => true),
    injectLens: vi.fn<WorkerEffects['injectLens']>(async () => true),
    hasLens: vi.fn<WorkerEffects['hasLens']>(async () => false),
    scanList: vi.fn<WorkerEffects['scanList']>(async () => null),
    openExtensionPage: vi.fn<WorkerEffects['openExtensionPage']>(async () => undefined),
  };
  const productSites = {
    refresh: vi.fn<ProductSites['refresh']>(async () => undefined),
    isServedHost: (host: string) => host === 'github.com',
    describe: vi.fn<ProductSites['describe']>(async () => ({
      domains: ['tool-0.synthetic.test'],
      granted: [],
      active: [],
    })),
  } satisfies ProductSites;
  const network = fakeFetch(({ url }) => {
    if (!serve) throw new TypeError('synthetic network error');
    return serve(url);
  });
  const state = createWorkerState({
    db,
    installBundled: async (target) => {
      installs.bundled++;
      await installFeed(target, bundledFeed, { source: 'bundled' });
    },
    productSites,
    fetch: network.fetch,
    now: () => new Date('2026-06-01T00:00:00Z'),
  });
  return {
    db,
    state,
    effects,
    productSites,
    installs,
    fetches: network.calls,
    content: createContentHandlers(state, effects),
    page: createPageHandlers(state),
  };
}
