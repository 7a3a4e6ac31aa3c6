import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { badges, expect, test, visit } from './support/extension';
import { tabIdOf } from './support/tabs';
import { bundledFeed } from './support/test-feeds';

const REPO = 'https://github.com/huggingface/ml-intern';
const feed = bundledFeed();
const cursor = feed.verdicts.find((v) => v.toolId === 'cursor')!;

const pickerValue = (page: Page, label: string) =>
  page.getByRole('combobox', { name: label }).inputValue();

test('the popup pre-fills the tab’s tool and its comparison partner, and swaps them', async ({
  page,
  context,
  extensionId,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  const tab = await tabIdOf(context, extensionId, REPO);
  expect(tab).toBeGreaterThan(0);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  // The second side is fetched after the first: each is awaited on its own.
  await expect.poll(() => pickerValue(popup, 'First tool')).toBe('ml-intern');
  await expect.poll(() => pickerValue(popup, 'Second tool')).toBe(cursor.title);
  await expect(popup.getByText(`The panel ships ${cursor.title} more: 100% vs 75%.`)).toBeVisible();
  await popup.getByRole('button', { name: 'Swap tools' }).click();
  await expect.poll(() => pickerValue(popup, 'First tool')).toBe(cursor.title);
  await expect.poll(() => pickerValue(popup, 'Second tool')).toBe('ml-intern');
});

test('on a tab without a tool the popup says so, and search picks both sides by keyboard', async ({
  context,
  extensionId,
}) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
  await expect(popup.getByText('No rated tool on this tab')).toBeVisible();
  const first = popup.getByRole('combobox', { name: 'First tool' });
  await first.fill('cur');
  await expect(popup.getByRole('option').first()).toContainText('Cursor');
  await first.press('ArrowDown');
  await first.press('Enter');
  await expect.poll(() => first.inputValue()).toBe(cursor.title);
  const second = popup.getByRole('combobox', { name: 'Second tool' });
  await second.fill('intern');
  await expect(popup.getByRole('option').first()).toContainText('ml-intern');
  await second.press('ArrowDown');
  await second.press('Enter');
  await expect.poll(() => second.inputValue()).toBe('ml-intern');
  await expect(popup.getByRole('table')).toContainText('Paid');
  await second.fill('no such tool anywhere');
  await expect(popup.getByText(/no (tools )?match/i)).toBeVisible();
});

test('a reviewer switched off in options leaves the open popover and the popup at once, and returns', async ({
  page,
  context,
  extensionId,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  await badges(page).first().click();
  const dialog = page.getByRole('dialog', { name: 'ml-intern' });
  await expect(dialog.locator('[data-reviewer="creator"]')).toBeVisible();

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/compare.html?a=ml-intern&b=${cursor.id}`);
  await expect(popup.getByRole('rowheader', { name: /Creator/ })).toBeVisible();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('checkbox', { name: 'Creator' }).uncheck();
  await expect(dialog.locator('[data-reviewer="creator"]')).toHaveCount(0);
  await expect(dialog.locator('[data-reviewer="builder"]')).toBeVisible();
  await expect(popup.getByRole('rowheader', { name: /Creator/ })).toHaveCount(0);

  await options.getByRole('checkbox', { name: 'Creator' }).check();
  await expect(dialog.locator('[data-reviewer="creator"]')).toBeVisible();
  await expect(popup.getByRole('rowheader', { name: /Creator/ })).toBeVisible();
});

test('the last chosen reviewer cannot be switched off', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  for (const name of ['Skeptic', 'Futurist', 'Product', 'Creator', 'Business']) {
    await options.getByRole('checkbox', { name }).uncheck();
  }
  await options.getByRole('checkbox', { name: 'Builder' }).click();
  await expect(options.getByRole('checkbox', { name: 'Builder' })).toBeChecked();
  await expect(options.getByText(/at least one/i).last()).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations on popup, options, compare, library and welcome (${scheme})`, async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    for (const path of [
      'popup.html?tab=999999',
      'options.html',
      `compare.html?a=ml-intern&b=${cursor.id}`,
      'library.html',
      'library.html?q=cursor&sort=ship',
      'welcome.html',
    ]) {
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await page.getByRole('main').waitFor();
      await page.waitForLoadState('networkidle');
      found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    expect(found).toEqual([]);
  });
}

test('the popup opens on a compact summary that fits its 600 px window: scores, entry, a line per reviewer with "more"', async ({
  page,
  context,
  extensionId,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  const tab = await tabIdOf(context, extensionId, REPO);
  const popup = await context.newPage();
  // Chromium's popup: at most 800 × 600, and the popup's body asks for 640 px.
  await popup.setViewportSize({ width: 640, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await expect.poll(() => pickerValue(popup, 'Second tool')).toBe(cursor.title);
  const table = popup.getByRole('table');
  await expect(table.locator('tr[data-reviewer]').first()).toBeVisible();
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(600);
  // The scores and the entry; the rest is on the compare page.
  for (const row of ['panelShip', 'community', 'entry'])
    await expect(table.locator(`tr[data-row="${row}"]`)).toHaveCount(1);
  // One line per reviewer and side, cut at a word, with "more" beside it.
  for (const row of await table.locator('tr[data-reviewer]').all()) {
    for (const cell of await row.locator('td').all()) {
      const text = cell.locator('.vl-quote-text');
      if ((await text.count()) === 0) continue;
      const lines = await text.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines).toBe(1);
      if ((await cell.getByRole('button', { name: /^more/ }).count()) === 1) {
        await expect(text).toHaveText(/\S…$/);
        // Not cut again by the column's width (mid-word).
        expect(await text.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      }
    }
  }
  const first = table.locator('tr[data-reviewer]').first().getByRole('button', { name: /^more/ });
  await first.first().click();
  await expect(
    table.locator('tr[data-reviewer]').first().getByRole('button', { name: /^less/ }),
  ).toHaveCount(1);
  await expect(popup.getByRole('link', { name: 'Open as page' })).toBeVisible();
});
