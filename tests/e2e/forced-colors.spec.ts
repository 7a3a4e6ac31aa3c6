import type { Locator, Page } from '@playwright/test';
import { badges, expect, test, visit } from './support/extension';
import { installTestFeed } from './support/feeds';
import { distinctColours } from './support/pixels';
import { bundledFeed } from './support/test-feeds';

/** Draws `what` alone (its box, page pixels under it included). */
const shot = (page: Page, what: Locator) => what.screenshot({ animations: 'disabled' });

const dotOf = (badge: Locator) => badge.locator('.vl-dot');

test('in forced colours the band stays visible: the badge dot, a shape per band, and the ship bars', async ({
  page,
  context,
  extensionId,
}) => {
  // TEST FEED: the bundled data with ml-intern at 12 % (skip) and Cursor at 50 % (mixed).
  const feed = bundledFeed();
  feed.verdicts = feed.verdicts.map((v) => ({
    ...v,
    panelShip: v.toolId === 'ml-intern' ? 12 : v.toolId === 'cursor' ? 50 : v.panelShip,
  }));
  const { server } = await installTestFeed(context, extensionId, feed);
  await page.emulateMedia({ forcedColors: 'active' });

  const masks: string[] = [];
  for (const [url, band] of [
    ['https://github.com/huggingface/ml-intern', 'skip'],
    ['https://cursor.com/', 'mixed'],
  ] as const) {
    expect(await visit(page, url)).toBe('badge');
    const badge = badges(page).first();
    await expect(badge).toHaveClass(new RegExp(`vl-band-${band}`));
    const dot = dotOf(badge);
    expect(await distinctColours(page, await shot(page, dot)), `${band} dot`).toBeGreaterThan(1);
    // Its shape, as the browser computes it: not the same for two bands.
    masks.push(
      await dot.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.width, s.height, s.borderRadius, s.transform].join(' ');
      }),
    );
  }
  expect(masks[0]).not.toBe(masks[1]);

  const compare = await context.newPage();
  await compare.emulateMedia({ forcedColors: 'active' });
  const cursor = feed.verdicts.find((v) => v.toolId === 'cursor')!;
  await compare.goto(`chrome-extension://${extensionId}/compare.html?a=ml-intern&b=${cursor.id}`);
  const bars = compare.locator('.vl-bar');
  await expect(bars).toHaveCount(2);
  for (const bar of await bars.all()) {
    expect(await distinctColours(compare, await shot(compare, bar)), 'ship bar').toBeGreaterThan(1);
  }
  // And the band in words beside it.
  await expect(compare.locator('.vl-ship').first()).toContainText('Skip');
  await server.stop();
});
