import { mergeFeeds, synthFeed } from '../../scripts/synth';
import { expect, test } from './support/extension';
import { FeedServer } from './support/feed-server';
import { ExtensionRpc } from './support/rpc';
import { bundledFeed } from './support/test-feeds';
import { datasetHash, stopServiceWorker } from './support/worker';

const REPO = 'https://github.com/huggingface/ml-intern';

test('50 service-worker stops, each followed by a lookup answered within 1 s', async ({
  context,
  extensionId,
}) => {
  const rpc = await ExtensionRpc.open(context, extensionId);
  const page = rpc.page;
  const slow: string[] = [];
  for (let i = 0; i < 50; i++) {
    await stopServiceWorker(context, page);
    const started = Date.now();
    const result = await rpc.send({ type: 'lookupPage', url: REPO });
    const took = Date.now() - started;
    if (!result.found || result.badge.panelShip !== 75 || took > 1000) {
      slow.push(`stop ${i}: found=${result.found} in ${took} ms`);
    }
  }
  // stopServiceWorker waits until the browser reports the worker stopped: each stop was real.
  expect(slow).toEqual([]);
});

test('20 stops in the middle of a large sync each leave the old or the new dataset complete', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(240_000);
  // SYNTHETIC scale data: 4,000 made-up tools (about 6 MB) beside the real bundled verdicts.
  const big = mergeFeeds(
    bundledFeed(),
    synthFeed({ tools: 4000, seed: 7 }),
    '2026-11-21T00:00:00.000Z',
  );
  const server = await new FeedServer().start();
  const url = server.set('/big.json', { body: JSON.stringify(big) });
  const rpc = await ExtensionRpc.open(context, extensionId);
  const oldHash = await datasetHash(rpc.page);
  const started = Date.now();
  await rpc.syncFrom(url);
  const fullSyncMs = Date.now() - started;
  const newHash = await datasetHash(rpc.page);
  expect(newHash).not.toBe(oldHash);

  const seen = { old: 0, new: 0 };
  for (let i = 0; i < 20; i++) {
    await rpc.send({ type: 'resetToBundled' });
    expect(await datasetHash(rpc.page)).toBe(oldHash);
    // Not awaited: the worker is stopped under it. The stops are spread from the start of the
    // download to just past the end of the write, as measured by the full sync above.
    void rpc.send({ type: 'syncNow' }).catch(() => undefined);
    await rpc.page.waitForTimeout(Math.round((fullSyncMs * 1.2 * i) / 19));
    await stopServiceWorker(context, rpc.page);
    await rpc.send({ type: 'ping' });
    const hash = await datasetHash(rpc.page);
    expect([oldHash, newHash], `stop ${i}`).toContain(hash);
    seen[hash === oldHash ? 'old' : 'new']++;
  }
  console.log(
    `full sync ${fullSyncMs} ms; stops: ${seen.old} left the old dataset, ${seen.new} the new one`,
  );
  await server.stop();
});
