import { expect, test } from './support/extension';
import { FeedServer } from './support/feed-server';
import { ExtensionRpc } from './support/rpc';
import { testFeedWithScore } from './support/test-feeds';

test('a feed URL with a space in its host is refused with a message and not saved', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  for (const typed of ['https://exa mple.com/feed.json', 'https://exa_mple.com/feed.json']) {
    await options.getByLabel('Feed URL').fill(typed);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByRole('alert').first()).toContainText(
      /has a space in it|is not a valid host name/,
    );
    const rpc = await ExtensionRpc.open(context, extensionId);
    expect((await rpc.send({ type: 'getStatus' })).feedUrl).toBe('');
    await rpc.close();
  }
});

test('a refused feed lists every problem in the options page, not only the first', async ({
  context,
  extensionId,
}) => {
  const server = await new FeedServer().start();
  // TEST FEED: the bundled verdicts with three quotes removed and one score out of range.
  const bad = testFeedWithScore(40, '2026-11-22T00:00:00.000Z');
  delete (bad.verdicts[0]!.reviews[0] as { quote?: string }).quote;
  delete (bad.verdicts[1]!.reviews[1] as { quote?: string }).quote;
  delete (bad.verdicts[1]!.reviews[2] as { quote?: string }).quote;
  bad.verdicts[2]!.panelShip = 140;
  const url = server.set('/bad.json', { body: JSON.stringify(bad) });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Feed URL').fill(url);
  await options.getByRole('button', { name: 'Sync now' }).click();
  const list = options.getByRole('list', { name: 'Problems in the feed' });
  await expect(list.getByRole('listitem')).toHaveText([
    'verdicts[0].reviews[0].quote: required',
    'verdicts[1].reviews[1].quote: required',
    'verdicts[1].reviews[2].quote: required',
    /^verdicts\[2\]\.panelShip: /,
  ]);
  await server.stop();
});
