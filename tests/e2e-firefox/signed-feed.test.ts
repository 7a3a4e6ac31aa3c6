import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import type { Feed } from '../../lib/feed/schema';
import type { Reply, StatusAnswer } from '../../lib/messaging/protocol';
import { badgeAccessibleName } from '../../lib/model/badge-label';
import { mergeFeeds, synthFeed } from '../../scripts/synth';
import { FeedServer } from '../e2e/support/feed-server';
import { publishing, serveTree } from '../e2e/support/signed-feed';
import { bundledFeed } from '../e2e/support/test-feeds';
import { badgeRoot, byRole, visit } from './support/lens';
import { openSiteTab } from './support/sites';
import { useFirefox } from './support/use-firefox';

// Feed v2 in Firefox: the signature is checked by Firefox's own WebCrypto Ed25519 (129+), the
// shards go into Firefox's IndexedDB, the delta is written there. SYNTHETIC scale data: 200
// made-up tools beside the real bundled verdicts.

const REPO = 'https://github.com/huggingface/ml-intern';
const mlIntern = bundledFeed().verdicts.find((v) => v.id === 'ml-intern')!;

const firefox = useFirefox();

const send = (page: Page, message: unknown) =>
  page.evaluate(
    (m) =>
      (
        globalThis as unknown as {
          browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).browser.runtime.sendMessage(m),
    message,
  ) as Promise<Reply<StatusAnswer>>;

async function statusAfterSync(page: Page): Promise<StatusAnswer> {
  const reply = await send(page, { type: 'syncNow' });
  if (!reply.ok) throw new Error(`syncNow: ${JSON.stringify(reply)}`);
  return reply.data;
}

/** The badge's accessible name on the rated repo, once it shows `score`. */
async function badgeShows(site: Page, score: number): Promise<void> {
  expect(await visit(site, REPO)).toBe('badge');
  await byRole(await badgeRoot(site), 'button', badgeAccessibleName(mlIntern.title, score));
}

const withScore = (feed: Feed, score: number, generatedAt: string): Feed => ({
  ...feed,
  generatedAt,
  verdicts: feed.verdicts.map((v) => (v.id === 'ml-intern' ? { ...v, panelShip: score } : v)),
});

it('a signed feed installs, its next publication comes by delta, and another key is refused', async () => {
  const pub = publishing();
  const base = mergeFeeds(
    bundledFeed(),
    synthFeed({ tools: 200, seed: 5 }),
    '2026-11-21T00:00:00.000Z',
  );
  pub.publish(base, 'seq1');
  const server = await new FeedServer().start();
  try {
    const url = serveTree(server, join(pub.dir, 'seq1'));
    const { options, browser } = firefox();
    const set = await send(options, { type: 'setFeedUrl', url });
    expect(set.ok, JSON.stringify(set)).toBe(true);
    const first = await statusAfterSync(options);
    expect(first.meta?.lastError ?? null).toBeNull();
    expect(first.meta?.signed).toMatchObject({
      seq: 1,
      publicKey: pub.publicKey,
      keyFrom: 'pinned',
      via: 'shards',
    });
    const site = await openSiteTab(browser);
    await badgeShows(site, mlIntern.panelShip);

    pub.publish(withScore(base, 80, '2026-11-22T00:00:00.000Z'), 'seq2', 'seq1');
    serveTree(server, join(pub.dir, 'seq2'));
    const second = await statusAfterSync(options);
    expect(second.meta?.lastError ?? null).toBeNull();
    expect(second.meta?.signed).toMatchObject({ seq: 2, via: 'delta' });
    await badgeShows(site, 80);

    // The same feed URL, now signed by another key: refused, the pinned dataset stays.
    const other = publishing();
    other.publish(withScore(base, 10, '2026-11-23T00:00:00.000Z'), 'seq1');
    serveTree(server, join(other.dir, 'seq1'));
    const refused = await statusAfterSync(options);
    expect(refused.meta?.lastError?.code).toBe('key-changed');
    expect(refused.meta?.signed).toMatchObject({ seq: 2, publicKey: pub.publicKey });
    await badgeShows(site, 80);
  } finally {
    await server.stop();
  }
});
