import type { Page } from '@playwright/test';
import { synthFeed, mergeFeeds } from '../../scripts/synth';
import { expect, test } from './support/extension';
import { installTestFeed } from './support/feeds';
import { bundledFeed } from './support/test-feeds';

const feed = bundledFeed();
const titles = (page: Page) =>
  page.getByRole('feed', { name: 'Verdicts' }).getByRole('heading', { level: 2 }).allTextContents();

test('the library lists every verdict, searches by alias and repository, filters and sorts', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  const status = page.getByRole('status');
  await expect(status).toHaveText(`${feed.verdicts.length} verdicts`);
  expect((await titles(page)).sort()).toEqual(feed.verdicts.map((v) => v.title).sort());

  const search = page.getByRole('searchbox', { name: 'Search verdicts' });
  const cursor = feed.verdicts
    .filter((v) => v.toolId === 'cursor')
    .map((v) => v.title)
    .sort();
  for (const [query, want] of [
    ['ml intern', ['ml-intern']],
    ['huggingface/ml-intern', ['ml-intern']],
    ['Cursor AI', cursor],
    ['codestral', ['Codestral 2']],
  ] as const) {
    await search.fill(query);
    await expect
      .poll(async () => (await titles(page)).sort(), { message: query })
      .toEqual([...want]);
    // The URL keeps the search: the view is bookmarkable.
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
  }

  await search.fill('');
  await page.getByRole('combobox', { name: 'Entry' }).selectOption('Paid');
  const paid = feed.verdicts.filter((v) => v.entry === 'Paid').map((v) => v.title);
  await expect.poll(async () => (await titles(page)).sort()).toEqual([...paid].sort());
  await page.getByRole('combobox', { name: 'Entry' }).selectOption('');
  await page.getByRole('combobox', { name: 'Panel leans' }).selectOption('skip');
  await expect(status).toHaveText('No verdict matches these filters.');
  await page.getByRole('combobox', { name: 'Panel leans' }).selectOption('');

  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('name');
  await expect.poll(() => titles(page)).toEqual([...feed.verdicts.map((v) => v.title)].sort());
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('ship');
  await expect
    .poll(async () => {
      const shown = await titles(page);
      return shown.map((t) => feed.verdicts.find((v) => v.title === t)!.panelShip);
    })
    .toEqual([...feed.verdicts.map((v) => v.panelShip)].sort((a, b) => b - a));

  // A row opens its verdict; "Compare with…" opens the compare page on it, the second picker focused.
  const row = page.getByRole('article').filter({ hasText: 'ml-intern' }).first();
  await row.getByRole('link', { name: 'ml-intern', exact: true }).click();
  await expect(page).toHaveURL(/compare\.html\?a=ml-intern$/);
  await expect(page.getByRole('combobox', { name: 'First tool' })).toHaveValue('ml-intern');
  await page.goBack();
  await page
    .getByRole('article')
    .filter({ hasText: 'ml-intern' })
    .getByRole('link', { name: /Compare with/ })
    .click();
  await expect(page.getByRole('combobox', { name: 'Second tool' })).toBeFocused();
});

test('at 2,000 verdicts the library renders only what is on screen, and scrolls to the last (SYNTHETIC data)', async ({
  context,
  extensionId,
}) => {
  const big = mergeFeeds(feed, synthFeed({ tools: 2000, seed: 7 }), '2026-11-30T00:00:00.000Z');
  const { server } = await installTestFeed(context, extensionId, big);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html?sort=name`);
  await expect(page.getByRole('status')).toHaveText(
    `${big.verdicts.length.toLocaleString('en-US')} verdicts`,
  );
  const rows = page.getByRole('article');
  expect(await rows.count()).toBeLessThan(60);
  await page.keyboard.press('End');
  const last = [...big.verdicts.map((v) => v.title.toLowerCase())].sort().at(-1)!;
  await expect.poll(async () => (await titles(page)).map((t) => t.toLowerCase())).toContain(last);
  expect(await rows.count()).toBeLessThan(60);
  // Screen readers hear where in the whole list a row is.
  const setSize = await rows.last().getAttribute('aria-setsize');
  expect(Number(setSize)).toBe(big.verdicts.length);
  await server.stop();
});

test('typing a search and deleting it again lists every verdict again', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  const status = page.getByRole('status');
  await expect(status).toHaveText(`${feed.verdicts.length} verdicts`);
  const search = page.getByRole('searchbox', { name: 'Search verdicts' });
  // Each keystroke is a query of its own; deleting goes back through queries already asked.
  await search.pressSequentially('cur');
  await expect(status).toHaveText(/^2 verdicts$/);
  for (let i = 0; i < 3; i++) await search.press('Backspace');
  await expect(status).toHaveText(`${feed.verdicts.length} verdicts`);
  expect((await titles(page)).sort()).toEqual(feed.verdicts.map((v) => v.title).sort());
});
