import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { createSyncSchedule, RETRY_ALARM } from '../../../lib/background/sync-schedule';
import type { VerdictDb } from '../../../lib/store/db';
import { createDatasetSlots } from '../../../lib/store/slots';
import { installFeed, readMeta } from '../../../lib/store/install';
import { saveSettings } from '../../../lib/settings/storage';
import { dropDbs, freshDb, hashRows } from '../support/db';
import { fakeFetch, hangingFetch, jsonResponse, syntheticFeed, toFeed } from '../support/feeds';

beforeEach(() => fakeBrowser.reset());
afterEach(dropDbs);

const FEED_URL = 'https://feeds.synthetic.test/feed.json';
const NOW = new Date('2026-06-01T00:00:00Z');

/** One worker life's schedule on `db`: what start.ts builds each time the worker starts. */
const workerLife = (db: VerdictDb, fetch: typeof globalThis.fetch) =>
  createSyncSchedule({
    slots: createDatasetSlots(db),
    ensureDataset: async () => undefined,
    onInstalled: () => undefined,
    afterInstall: async () => undefined,
    fetch,
    now: () => NOW,
  });

async function installedDb() {
  const db = freshDb();
  await installFeed(db, toFeed(syntheticFeed({ tag: 'installed' })), { source: 'bundled' });
  await saveSettings({ feedUrl: FEED_URL, syncHours: 6 });
  return db;
}

describe('a sync that never finished (the worker was stopped mid-sync)', () => {
  it('is recorded when it starts, and counts as a failure with backoff in the next life', async () => {
    const db = await installedDb();
    const hash = await hashRows(db);
    // First life: the download hangs, and the worker is stopped (never awaited, never ended).
    void workerLife(db, hangingFetch()).run();
    await expect.poll(async () => (await readMeta(db))?.syncStartedAt).toBe(NOW.toISOString());

    // Next life, started by the browser or the periodic alarm.
    const feed = fakeFetch(() => jsonResponse(syntheticFeed({ tag: 'next' })));
    const outcome = await workerLife(db, feed.fetch).run();
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'interrupted' } });
    const meta = await readMeta(db);
    expect(meta).toMatchObject({ failures: 1, lastError: { code: 'interrupted' } });
    expect(meta?.lastError?.message).toMatch(/never finished/);
    expect(meta?.syncStartedAt).toBeUndefined();
    // The same feed is not fetched again at once: the retry waits for the backoff.
    expect(feed.calls).toHaveLength(0);
    expect(await browser.alarms.get(RETRY_ALARM)).toBeDefined();
    expect(await hashRows(db)).toBe(hash);

    // The retry alarm runs it; a success closes the record and resets the count.
    expect(await workerLife(db, feed.fetch).run()).toMatchObject({ kind: 'updated' });
    expect(feed.calls).toHaveLength(1);
    expect(await readMeta(db)).toMatchObject({ failures: 0, lastError: null });
    expect((await readMeta(db))?.syncStartedAt).toBeUndefined();
  });

  it('does not hold back the user’s own "Sync now"', async () => {
    const db = await installedDb();
    void workerLife(db, hangingFetch()).run();
    await expect.poll(async () => (await readMeta(db))?.syncStartedAt).toBeDefined();
    const feed = fakeFetch(() => jsonResponse(syntheticFeed({ tag: 'next' })));
    expect(await workerLife(db, feed.fetch).run('user')).toMatchObject({ kind: 'updated' });
    expect(feed.calls).toHaveLength(1);
  });

  it('control: a sync that ended leaves nothing open, and the next start syncs at once', async () => {
    const db = await installedDb();
    const broken = fakeFetch(() => new Response('', { status: 503 }));
    expect(await workerLife(db, broken.fetch).run()).toMatchObject({ kind: 'failed' });
    expect(await readMeta(db)).toMatchObject({ failures: 1, lastError: { code: 'http' } });
    expect((await readMeta(db))?.syncStartedAt).toBeUndefined();
    const feed = fakeFetch(() => jsonResponse(syntheticFeed({ tag: 'next' })));
    expect(await workerLife(db, feed.fetch).run()).toMatchObject({ kind: 'updated' });
  });
});
