import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { SYNC_ALARM } from '../../../lib/background/sync-schedule';
import { dropDbs } from '../support/db';
import { jsonResponse, syntheticFeed } from '../support/feeds';
import { CONTENT_SENDER, testWorker } from '../support/worker';
import { loadSettings } from '../../../lib/settings/storage';

beforeEach(() => fakeBrowser.reset());
afterEach(dropDbs);

const FEED_URL = 'https://feeds.synthetic.test/feed.json';
const PAGE = {
  id: 'synthetic-extension',
  url: 'chrome-extension://synthetic-extension/options.html',
};
const bundled = syntheticFeed({ tools: 2, verdicts: 2, tag: 'bundled' });
const served = syntheticFeed({
  tools: 3,
  verdicts: 3,
  tag: 'served',
  generatedAt: '2026-05-01T00:00:00Z',
});

describe('getStatus', () => {
  it('reports no dataset before the first install, then the bundled one', async () => {
    const w = testWorker({ bundled });
    const before = await w.page.getStatus({ type: 'getStatus' }, PAGE);
    expect(before).toEqual({ meta: null, feedUrl: '', feedPublicKey: '', syncing: false });
    await w.state.dataset.ensure();
    const after = await w.page.getStatus({ type: 'getStatus' }, PAGE);
    expect(after.meta).toMatchObject({ source: 'bundled', counts: { tools: 2, verdicts: 2 } });
  });
});

describe('setFeedUrl', () => {
  it('saves a valid URL and sets the periodic alarm; clearing it removes the alarm', async () => {
    const w = testWorker({ bundled });
    const status = await w.page.setFeedUrl({ type: 'setFeedUrl', url: ` ${FEED_URL} ` }, PAGE);
    expect(status.feedUrl).toBe(FEED_URL);
    expect((await browser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(6 * 60);
    await w.page.setFeedUrl({ type: 'setFeedUrl', url: '' }, PAGE);
    expect((await loadSettings()).settings.feedUrl).toBe('');
    expect(await browser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });

  it('refuses a URL the feed rules refuse, saying why, and keeps the old one', async () => {
    const w = testWorker({ bundled });
    await w.page.setFeedUrl({ type: 'setFeedUrl', url: FEED_URL }, PAGE);
    await expect(
      w.page.setFeedUrl({ type: 'setFeedUrl', url: 'http://feeds.synthetic.test/f.json' }, PAGE),
    ).rejects.toThrow(/https:\/\//);
    // With its code, so the options page says it in its own language.
    await expect(
      w.page.setFeedUrl({ type: 'setFeedUrl', url: 'http://feeds.synthetic.test/f.json' }, PAGE),
    ).rejects.toMatchObject({ text: { code: 'urlHttp', params: {} } });
    expect((await loadSettings()).settings.feedUrl).toBe(FEED_URL);
  });

  it('saves a feed public key with the URL, and refuses one that is no key', async () => {
    const w = testWorker({ bundled });
    const key = `ed25519:${btoa(String.fromCharCode(...new Uint8Array(32).fill(7)))}`;
    const status = await w.page.setFeedUrl(
      { type: 'setFeedUrl', url: FEED_URL, publicKey: ` ${key}\n` },
      PAGE,
    );
    expect(status.feedPublicKey).toBe(key);
    await expect(
      w.page.setFeedUrl({ type: 'setFeedUrl', url: FEED_URL, publicKey: 'ed25519:short' }, PAGE),
    ).rejects.toThrow(/32 bytes/);
    expect((await loadSettings()).settings.feedPublicKey).toBe(key);
    // Without the field, the key stays as it is.
    await w.page.setFeedUrl({ type: 'setFeedUrl', url: FEED_URL }, PAGE);
    expect((await loadSettings()).settings.feedPublicKey).toBe(key);
  });
});

describe('syncNow', () => {
  it('installs the feed; the next lookup answers from the new dataset', async () => {
    const w = testWorker({
      bundled,
      serve: () => jsonResponse(served, { headers: { etag: '"1"' } }),
    });
    const url = 'https://github.com/synthetic-org/tool-2';
    expect(await w.content.lookupPage({ type: 'lookupPage', url }, CONTENT_SENDER)).toEqual({
      found: false,
    });
    await w.page.setFeedUrl({ type: 'setFeedUrl', url: FEED_URL }, PAGE);
    const status = await w.page.syncNow({ type: 'syncNow' }, PAGE);
    expect(status.meta).toMatchObject({ source: FEED_URL, counts: { tools: 3 } });
    expect(w.fetches.map((c) => c.url)).toEqual([FEED_URL]);
    expect(w.productSites.refresh).toHaveBeenCalled();
    const after = await w.content.lookupPage({ type: 'lookupPage', url }, CONTENT_SENDER);
    expect(after).toMatchObject({ found: true, badge: { toolName: 'Synthetic Tool 2 (served)' } });
  });

  it('records a failed sync, keeps the dataset and sets a retry', async () => {
    const w = testWorker({ bundled });
    await w.page.setFeedUrl({ type: 'setFeedUrl', url: FEED_URL }, PAGE);
    const status = await w.page.syncNow({ type: 'syncNow' }, PAGE);
    expect(status.meta).toMatchObject({
      source: 'bundled',
      failures: 1,
      lastError: { code: 'network' },
    });
    expect(await browser.alarms.get('sync-retry')).toBeDefined();
  });

  it('does nothing without a feed URL', async () => {
    const w = testWorker({ bundled });
    await w.page.syncNow({ type: 'syncNow' }, PAGE);
    expect(w.fetches).toEqual([]);
  });
});

describe('resetToBundled', () => {
  it('puts the bundled dataset back after a feed', async () => {
    const w = testWorker({ bundled, serve: () => jsonResponse(served) });
    await w.page.setFeedUrl({ type: 'setFeedUrl', url: FEED_URL }, PAGE);
    await w.page.syncNow({ type: 'syncNow' }, PAGE);
    const status = await w.page.resetToBundled({ type: 'resetToBundled' }, PAGE);
    expect(status.meta).toMatchObject({ source: 'bundled', counts: { tools: 2 } });
    const url = 'https://github.com/synthetic-org/tool-2';
    expect(await w.content.lookupPage({ type: 'lookupPage', url }, CONTENT_SENDER)).toEqual({
      found: false,
    });
  });
});

describe('searchVerdicts and getVerdictAnswer', () => {
  it('find verdicts by name and answer one by its id', async () => {
    const w = testWorker({ bundled });
    const hits = await w.page.searchVerdicts(
      { type: 'searchVerdicts', query: 'synthetic verdict 1' },
      PAGE,
    );
    expect(hits.map((h) => h.id)).toEqual(['synthetic-verdict-1']);
    const answer = await w.page.getVerdictAnswer(
      { type: 'getVerdictAnswer', verdictId: 'synthetic-verdict-1' },
      PAGE,
    );
    expect(answer?.tool.id).toBe('synthetic-tool-1');
    expect(
      await w.page.getVerdictAnswer(
        { type: 'getVerdictAnswer', verdictId: 'synthetic-none' },
        PAGE,
      ),
    ).toBeNull();
  });
});

describe('browseVerdicts', () => {
  it('answers a window of the library, with its total and filter labels', async () => {
    const w = testWorker({ bundled: syntheticFeed({ tools: 3, verdicts: 5 }) });
    const page = await w.page.browseVerdicts(
      { type: 'browseVerdicts', query: 'synthetic', sort: 'ship', offset: 1, limit: 2 },
      PAGE,
    );
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.panelShip)).toEqual([3, 2]);
    expect(page.categories.length).toBeGreaterThan(0);
  });
});

describe('getProductSites', () => {
  it('answers what the product-site registry describes', async () => {
    const w = testWorker({ bundled });
    expect(await w.page.getProductSites({ type: 'getProductSites' }, PAGE)).toEqual({
      domains: ['tool-0.synthetic.test'],
      granted: [],
      active: [],
    });
  });
});
