import type { Page } from '@playwright/test';
import { badges, expect, test, visit } from './support/extension';
import { FeedServer } from './support/feed-server';
import { ExtensionRpc } from './support/rpc';
import { testFeedWithScore } from './support/test-feeds';

const REPO = 'https://github.com/huggingface/ml-intern';

async function badgeName(page: Page, url: string) {
  expect(await visit(page, url)).toBe('badge');
  return badges(page).first().getAttribute('aria-label');
}

async function syncFromOptions(options: Page, extensionId: string, url: string) {
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Feed URL').fill(url);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByRole('button', { name: 'Sync now' })).toBeEnabled();
}

test('a feed set in the options page replaces the bundled data; a bad feed is refused and the old data stays', async ({
  page,
  context,
  extensionId,
}) => {
  const server = await new FeedServer().start();
  expect(await badgeName(page, REPO)).toContain('ml-intern: 75% ship');

  // TEST FEED: the bundled verdicts, ml-intern's score changed to 40 and Hugging Face keys added.
  const synced = testFeedWithScore(40, '2026-11-21T00:00:00.000Z');
  const goodUrl = server.set('/feed.json', {
    body: JSON.stringify(synced),
    etag: '"v1"',
  });
  const options = await context.newPage();
  await syncFromOptions(options, extensionId, goodUrl);
  const status = options.getByRole('status');
  await expect(status).toContainText(goodUrl);
  await expect(status).toContainText(`${synced.tools.length} tools`);
  await expect(status).toContainText(`${synced.verdicts.length} verdicts`);
  await expect(status).toContainText(/Last success: (?!never)/);

  expect(await badgeName(page, REPO)).toContain('ml-intern: 40% ship');
  expect(await badgeName(page, 'https://huggingface.co/huggingface/ml-intern')).toContain(
    'ml-intern: 40% ship',
  );

  // Synced again: the server answers 304 to the conditional request and nothing changes.
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(() => server.requests.filter((r) => r.headers['if-none-match'] === '"v1"').length)
    .toBe(1);

  // A feed with one review missing its quote is refused whole, with the path in the message.
  const bad = testFeedWithScore(10, '2026-11-22T00:00:00.000Z');
  delete (bad.verdicts[1]!.reviews[2] as { quote?: string }).quote;
  const badUrl = server.set('/bad.json', { body: JSON.stringify(bad) });
  await syncFromOptions(options, extensionId, badUrl);
  await expect(status).toContainText('verdicts[1].reviews[2].quote: required');
  await expect(status).toContainText(goodUrl);
  expect(await badgeName(page, REPO)).toContain('ml-intern: 40% ship');

  // An http:// feed on another host is refused before anything is fetched.
  await options.getByLabel('Feed URL').fill('http://example.com/feed.json');
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByRole('alert').first()).toContainText('https://');

  await options.getByRole('button', { name: 'Reset to bundled data' }).click();
  await expect(status).toContainText('Bundled dataset');
  expect(await badgeName(page, REPO)).toContain('ml-intern: 75% ship');
  await server.stop();
});

test('"Reset to bundled data" pressed during a sync wins: the sync finishes first, then the reset', async ({
  page,
  context,
  extensionId,
}) => {
  const server = await new FeedServer().start();
  let release = () => {};
  // TEST FEED: ml-intern at 40, held by the server until the reset has been asked for.
  const url = server.set('/held.json', {
    body: JSON.stringify(testFeedWithScore(40, '2026-11-21T00:00:00.000Z')),
    hold: new Promise<void>((resolve) => (release = resolve)),
  });
  const rpc = await ExtensionRpc.open(context, extensionId);
  await rpc.send({ type: 'setFeedUrl', url });
  const synced = rpc.send({ type: 'syncNow' });
  await expect.poll(() => server.requests.length).toBe(1);
  const reset = rpc.send({ type: 'resetToBundled' });
  release();
  const [afterSync, afterReset] = await Promise.all([synced, reset]);
  expect(afterSync.meta?.source).toBe(url);
  expect(afterReset.meta?.source).toBe('bundled');
  expect(await badgeName(page, REPO)).toContain('ml-intern: 75% ship');
  await server.stop();
});

test('a feed URL that redirects to another host over http is refused, not followed, and the status says so', async ({
  page,
  context,
  extensionId,
}) => {
  const server = await new FeedServer().start();
  // TEST FEED: what the other host serves, ml-intern at 30 (the bundled data says 75).
  const elsewhere = server
    .set('/elsewhere.json', {
      body: JSON.stringify(testFeedWithScore(30, '2026-11-21T00:00:00.000Z')),
      // Open to any origin, so only the redirect rule, not CORS, can keep it out.
      headers: { 'Access-Control-Allow-Origin': '*' },
    })
    .replace('127.0.0.1', 'localhost');
  const movedUrl = server.set('/moved.json', {
    status: 302,
    body: '',
    headers: { Location: elsewhere },
  });
  const options = await context.newPage();
  await syncFromOptions(options, extensionId, movedUrl);
  const status = options.getByRole('status');
  await expect(status).toContainText('redirects to another address');
  expect(server.requests.map((r) => r.path)).toEqual(['/moved.json']);
  const rpc = await ExtensionRpc.open(context, extensionId);
  const { meta } = await rpc.send({ type: 'getStatus' });
  expect(meta?.source).toBe('bundled');
  expect(meta?.lastError?.code).toBe('redirect');
  await rpc.close();
  expect(await badgeName(page, REPO)).toContain('ml-intern: 75% ship');
  await server.stop();
});
