import { badges, expect, test, visit } from './support/extension';
import { installTestFeed } from './support/feeds';
import { testFeedWithHuggingFace } from './support/test-feeds';

const REPO = 'https://github.com/huggingface/ml-intern';
// HOSTILE TEST DATA: markup, script, a javascript: link and a 100 KB string. (Bidi overrides and
// control characters are refused by the feed schema now: tests/hostile/feeds.test.ts.)
const TITLE = 'ml-intern <img src=x onerror="window.__pwned=1"> evil';
const TAGLINE = '<script>window.__pwned=2</script><a href="javascript:window.__pwned=3">click</a>';
const HUGE = `${'A'.repeat(50_000)} ${'B'.repeat(50_000)}`;

test('hostile feed text is shown as inert text, nothing runs and the layout holds', async ({
  page,
  context,
  extensionId,
}) => {
  const feed = testFeedWithHuggingFace();
  const hostile = {
    ...feed,
    tools: feed.tools.map((t) => (t.id === 'ml-intern' ? { ...t, name: TITLE } : t)),
    verdicts: feed.verdicts.map((v) =>
      v.id === 'ml-intern'
        ? {
            ...v,
            title: TITLE,
            tagline: TAGLINE,
            category: '<b onmouseover="window.__pwned=4">Tools</b>',
            reviews: v.reviews.map((r, i) => ({
              ...r,
              quote: i === 0 ? HUGE : `${r.quote}<svg onload="window.__pwned=5">`,
            })),
          }
        : v,
    ),
  };
  const { server } = await installTestFeed(context, extensionId, hostile);
  expect(await visit(page, REPO)).toBe('badge');
  const badge = badges(page).first();
  await expect(badge).toHaveAccessibleName(
    new RegExp(TITLE.slice(0, 20).replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&')),
  );
  await badge.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('<script>window.__pwned=2</script>');
  await expect(dialog).toContainText('onerror="window.__pwned=1"');
  await dialog.locator('[data-reviewer="builder"]').getByRole('button', { name: 'more' }).click();
  await expect(dialog.locator('[data-reviewer="builder"]')).toContainText('B'.repeat(1000));

  // No element was made from feed text, and nothing ran in the page or in the extension's world.
  const made = await page.evaluate(() => {
    const root = document.querySelector('[data-verdict-lens-host="badge"]')?.shadowRoot;
    return {
      markup:
        root?.querySelectorAll('img, script, svg[onload], b, a[href^="javascript"]').length ?? -1,
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    };
  });
  expect(made).toEqual({ markup: 0, pwned: null });
  // The 100 KB quote wraps inside the popover instead of stretching it.
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.width).toBeLessThanOrEqual(400);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  const badgeBox = await badge.boundingBox();
  expect(badgeBox!.height).toBeLessThan(40);
  await server.stop();
});

test('a page cannot switch the lens off by sending the event a newer copy of it sends', async ({
  page,
  extensionId,
}) => {
  expect(await visit(page, 'https://github.com/huggingface/ml-intern')).toBe('badge');
  // Extension ids are public: any page script can name the event.
  await page.evaluate((id) => {
    document.dispatchEvent(new CustomEvent(`${id}:lens:started`));
  }, extensionId);
  await expect(badges(page)).toHaveCount(1);
  await badges(page).first().click();
  await expect(page.getByRole('dialog')).toContainText('ml-intern');
});
