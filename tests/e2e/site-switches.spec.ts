import { badges, expect, settled, test, visit } from './support/extension';
import { installTestFeed } from './support/feeds';
import { ExtensionRpc } from './support/rpc';
import { productPage } from './support/sites';
import { testFeedWithHuggingFace } from './support/test-feeds';

const REPO = 'https://github.com/huggingface/ml-intern';

test('"Hide on this site" removes the badge at once; options shows the site again', async ({
  page,
  context,
  extensionId,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  await badges(page).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hide on this site' }).click();
  await expect(page.locator('[data-verdict-lens-host="badge"]')).toHaveCount(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: /Show again/ }).click();
  await expect(badges(page)).toHaveCount(1);
});

test('the GitHub switch in options takes the badge off open GitHub tabs and puts it back', async ({
  page,
  context,
  extensionId,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('switch', { name: 'GitHub', exact: true }).uncheck();
  await expect(page.locator('[data-verdict-lens-host="badge"]')).toHaveCount(0);
  await page.reload();
  expect(await settled(page, REPO)).toBe('none');
  await options.getByRole('switch', { name: 'GitHub', exact: true }).check();
  await expect(badges(page)).toHaveCount(1);
});

test('a product domain the user has not granted gets no badge; a granted one does', async ({
  page,
  context,
  extensionId,
}) => {
  // TEST FEED: the bundled data plus one more product domain for ml-intern, never granted.
  const feed = testFeedWithHuggingFace();
  feed.tools = feed.tools.map((t) =>
    t.id === 'ml-intern' ? { ...t, match: { ...t.match, domains: ['ml-intern.example.org'] } } : t,
  );
  const { server } = await installTestFeed(context, extensionId, feed);
  const rpc = await ExtensionRpc.open(context, extensionId);
  const sites = await rpc.send({ type: 'getProductSites' });
  expect(sites.domains).toContain('ml-intern.example.org');
  expect(sites.active.join(' ')).not.toContain('ml-intern.example.org');
  expect(sites.active).toContain('https://cursor.com/*');
  await rpc.close();
  await context.route('https://ml-intern.example.org/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: productPage(new URL(route.request().url())) }),
  );
  await page.goto('https://ml-intern.example.org/');
  await page.waitForLoadState('load');
  // No content script runs there at all: the page gets no mark, no badge.
  expect(
    await page.evaluate(() => document.documentElement.dataset.verdictLens ?? null),
  ).toBeNull();
  await expect(page.locator('[data-verdict-lens-host="badge"]')).toHaveCount(0);

  expect(await visit(page, 'https://cursor.com/')).toBe('badge');
  await expect(badges(page).first()).toHaveAccessibleName(/Cursor: 100% ship/);
  await server.stop();
});

test('"Compare with …" in the popover opens the comparison page for the pair', async ({
  page,
  context,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  await badges(page).first().click();
  const opened = context.waitForEvent('page');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Compare with Cursor/ })
    .click();
  const compare = await opened;
  await compare.waitForLoadState();
  expect(new URL(compare.url()).pathname).toBe('/compare.html');
  expect(new URL(compare.url()).searchParams.get('a')).toBe('ml-intern');
  await expect(compare.getByRole('table')).toContainText('Async AI coding agent');
});
