import type { Page } from '@playwright/test';
import { badges, expect, test, visit } from './support/extension';
import { githubPage } from './support/sites';
import { orderByRecency } from '../../lib/store/verdict-order';
import { installTestFeed } from './support/feeds';
import { bundledFeed } from './support/test-feeds';

const REPO = 'https://github.com/huggingface/ml-intern';
const feed = bundledFeed();
const mlIntern = feed.verdicts.find((v) => v.id === 'ml-intern')!;
const comparison = feed.comparisons.find((c) => c.verdictIds.includes('ml-intern'))!;

async function openRepo(page: Page, url = REPO) {
  expect(await visit(page, url)).toBe('badge');
  return badges(page).first();
}

/** Whether focus is on the badge button inside its shadow root. */
const badgeFocused = (page: Page) =>
  page.evaluate(() => {
    const host = document.activeElement;
    return (
      host?.matches('[data-verdict-lens-host="badge"]') &&
      host.shadowRoot?.activeElement?.classList.contains('vl-badge')
    );
  });

test('the popover shows the verdict, its reviewers and where it came from', async ({ page }) => {
  const badge = await openRepo(page);
  await badge.click();
  const dialog = page.getByRole('dialog', { name: 'ml-intern' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(mlIntern.tagline);
  await expect(dialog).toContainText(mlIntern.category);
  await expect(dialog.locator('.vl-stat').nth(0)).toContainText('75%');
  await expect(dialog.locator('.vl-stat').nth(1)).toContainText('—');
  await expect(dialog.locator('.vl-stat').nth(2)).toContainText('Paid');
  for (const review of mlIntern.reviews) {
    const reviewer = feed.reviewers.find((r) => r.id === review.reviewerId)!;
    const quote = dialog.locator(`[data-reviewer="${review.reviewerId}"]`);
    await expect(quote).toContainText(reviewer.name);
    await expect(quote).toContainText(reviewer.focus);
    await expect(quote).toContainText(review.quote.slice(0, 60));
  }
  // The source comparison, named as the saved page titles it; the text page states no address.
  const source = dialog.getByRole('region', { name: 'Where this verdict comes from' });
  await expect(source).toContainText(
    'Cursor v0.50 – Background Agent & Codebase Refactoring vs ml-intern',
  );
  expect(comparison.title).toBe(
    'Cursor v0.50 – Background Agent & Codebase Refactoring vs ml-intern',
  );
  await expect(source.getByRole('link')).toHaveCount(0);
  await expect(dialog).toContainText(/As of [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(dialog.getByRole('button', { name: /Compare with Cursor/ })).toBeVisible();
});

test('the popover UI (React) is loaded into a page only when a badge there is opened', async ({
  page,
}) => {
  const ui = page.locator('html[data-verdict-lens-ui="loaded"]');
  expect(await visit(page, 'https://github.com/huggingface/transformers')).toBe('none');
  const badge = await openRepo(page);
  await badge.hover();
  await expect(ui).toHaveCount(0);
  await badge.click();
  await expect(page.getByRole('dialog', { name: 'ml-intern' })).toBeVisible();
  await expect(ui).toHaveCount(1);
});

test('keyboard: Enter and Space open, Escape closes and returns focus, outside click closes', async ({
  page,
}) => {
  const badge = await openRepo(page);
  await badge.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'ml-intern' });
  await expect(dialog).toBeVisible();
  await expect(badge).toHaveAttribute('aria-expanded', 'true');
  // Every control in the popover is reachable with Tab.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await badgeFocused(page)).toBe(true);

  await page.keyboard.press('Space');
  await expect(dialog).toBeVisible();
  // A blank part of the page, away from links.
  await page.mouse.click(1200, 650);
  await expect(dialog).toBeHidden();

  await badge.press('Enter');
  await dialog.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(dialog).toBeHidden();
  expect(await badgeFocused(page)).toBe(true);
});

test('long quotes fold behind "more"', async ({ page }) => {
  // Cursor's quotes on the saved pages run to several hundred characters; the badge opens its
  // newest verdict.
  const cursor = orderByRecency(feed.verdicts.filter((v) => v.toolId === 'cursor'))[0]!;
  const longest = [...cursor.reviews].sort((a, b) => b.quote.length - a.quote.length)[0]!;
  expect(longest.quote.length).toBeGreaterThan(280);
  await (await openRepo(page, 'https://cursor.com/')).click();
  const dialog = page.getByRole('dialog');
  const quote = dialog.locator(`[data-reviewer="${longest.reviewerId}"]`);
  await expect(quote).not.toContainText(longest.quote);
  // Folded at a word boundary: the preview is the quote's start up to a space.
  const preview = (await quote.locator('.vl-quote-text').textContent())!;
  expect(preview.endsWith('…')).toBe(true);
  const cut = preview.slice(0, -1);
  expect(longest.quote.startsWith(cut)).toBe(true);
  expect(longest.quote[cut.length]).toMatch(/\s/);
  await quote.getByRole('button', { name: 'more' }).click();
  await expect(quote).toContainText(longest.quote);
});

// Aimed at everything in the page; the body's own background stays white so that the pixels
// behind the badge's rounded corners are the same in both shots.
const HOSTILE_CSS = `
  html { font-size: 40px !important; }
  body * { all: unset !important; display: block !important; font: 40px/3 serif !important; color: red !important;
      background: lime !important; position: static !important; visibility: visible !important;
      box-sizing: content-box !important; padding: 9px !important; }
  button, div, span, p, [role=dialog] { transform: rotate(12deg) !important; opacity: .2 !important; }
  :focus-visible { outline: 9px solid red !important; }
`;

test('hostile page CSS leaves the badge and popover unchanged (pixel comparison)', async ({
  page,
  context,
}) => {
  // No header anchor: the badge floats at a fixed corner, so both pages put it at the same pixels.
  const shots: Buffer[][] = [];
  for (const css of ['', HOSTILE_CSS]) {
    const url = `https://github.com/huggingface/ml-intern/plain${css ? '-hostile' : ''}`;
    await context.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><style>${css}</style></head><body></body></html>`,
      }),
    );
    expect(await visit(page, url)).toBe('badge');
    const badge = badges(page).first();
    await expect(
      page.locator('[data-verdict-lens-host="badge"][data-placement="floating"]'),
    ).toHaveCount(1);
    const badgeShot = await badge.screenshot({ animations: 'disabled' });
    await badge.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // Its dates come in the render after the first (useDateText): both shots with them in.
    await expect(dialog).toContainText(/As of [A-Z][a-z]{2} \d/);
    shots.push([badgeShot, await dialog.screenshot({ animations: 'disabled' })]);
  }
  expect(shots[1]![0]!.equals(shots[0]![0]!), 'badge pixels differ').toBe(true);
  expect(shots[1]![1]!.equals(shots[0]![1]!), 'popover pixels differ').toBe(true);
});

test('follows the page theme: GitHub dark mode, and the browser preference elsewhere', async ({
  page,
  context,
}) => {
  await context.route(`${REPO}/dark`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: githubPage(new URL(`${REPO}/dark`), { colorMode: 'dark' }),
    }),
  );
  await openRepo(page, `${REPO}/dark`);
  const theme = () =>
    page.evaluate(() =>
      document
        .querySelector('[data-verdict-lens-host="badge"]')
        ?.shadowRoot?.querySelector('.vl-root')
        ?.getAttribute('data-theme'),
    );
  expect(await theme()).toBe('dark');
  const background = await badges(page)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(21, 27, 35)');

  await openRepo(page, REPO);
  expect(await theme()).toBe('light');

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await visit(page, 'https://cursor.com/')).toBe('badge');
  expect(await theme()).toBe('dark');
});

test('a source comparison whose address the feed states is a link to it', async ({
  page,
  context,
  extensionId,
}) => {
  // TEST FEED: the bundled data, with an address and a date on ml-intern's comparison.
  const withSource = bundledFeed();
  withSource.comparisons = withSource.comparisons.map((c) =>
    c.id === comparison.id
      ? {
          ...c,
          url: 'https://verdicts.example/cursor-vs-ml-intern',
          publishedAt: '2026-05-20T00:00:00Z',
        }
      : c,
  );
  const { server } = await installTestFeed(context, extensionId, withSource);
  await (await openRepo(page)).click();
  const source = page
    .getByRole('dialog')
    .getByRole('region', { name: 'Where this verdict comes from' });
  const link = source.getByRole('link', { name: comparison.title });
  await expect(link).toHaveAttribute('href', 'https://verdicts.example/cursor-vs-ml-intern');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(source).toContainText(/published May 20, 2026/);
  await server.stop();
});

/** Whether the focused element is inside the open popover (in the badge's shadow root). */
const focusInDialog = (page: Page) =>
  page.evaluate(() => {
    const host = document.activeElement;
    const inner = host?.shadowRoot?.activeElement;
    return !!host?.matches('[data-verdict-lens-host="badge"]') && !!inner?.closest('.vl-popover');
  });

test('focus stays in the open popover (Tab and Shift+Tab cycle) and Escape always closes it', async ({
  page,
}) => {
  const badge = await openRepo(page);
  await badge.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'ml-intern' });
  await expect(dialog).toBeVisible();
  const controls = await dialog.locator('button, a[href]').count();
  expect(controls).toBeGreaterThan(2);
  // Twice round in each direction: never into the page behind.
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 2 * controls + 1; i++) {
      await page.keyboard.press(key);
      expect(await focusInDialog(page), `${key} #${i + 1}`).toBe(true);
    }
  }
  // Shift+Tab from the first control goes to the last, Tab from the last to the first.
  await dialog.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Hide on this site' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();

  // Focus moved into the page by other means (a page script): Escape still closes, and focus
  // goes back to the badge.
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = '#elsewhere';
    link.textContent = 'elsewhere';
    document.body.append(link);
    link.focus();
  });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await badgeFocused(page)).toBe(true);
});

test('on scroll the popover stays attached to its badge, inside the viewport, and closes when the badge leaves', async ({
  page,
  context,
}) => {
  // Room above and below the header, so the badge can sit anywhere in the viewport.
  const url = `${REPO}/tall`;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: githubPage(new URL(url))
        .replace(/<body([^>]*)>/, '<body$1><div style="height:1500px"></div>')
        .replace('</body>', '<div style="height:3000px"></div></body>'),
    }),
  );
  await page.setViewportSize({ width: 1280, height: 720 });
  const badge = await openRepo(page, url);
  const badgeTop = await badge.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const scrollBadgeTo = (y: number) =>
    page.evaluate((top) => window.scrollTo(0, top), badgeTop - y);
  await scrollBadgeTo(100);
  await badge.click();
  const dialog = page.getByRole('dialog', { name: 'ml-intern' });
  await expect(dialog).toBeVisible();

  const boxes = async () => ({
    badge: (await badge.boundingBox())!,
    dialog: (await dialog.boundingBox())!,
  });
  for (const y of [100, 300, 450, 600, 680, 40, 5]) {
    await scrollBadgeTo(y);
    await expect(dialog).toBeVisible();
    await expect
      .poll(async () => {
        const { badge: b, dialog: d } = await boxes();
        const inside = d.y >= 0 && d.y + d.height <= 720 && d.x >= 0 && d.x + d.width <= 1280;
        // Just below the badge, or just above it.
        const below = Math.abs(d.y - (b.y + b.height + 8)) <= 1;
        const above = Math.abs(d.y + d.height - (b.y - 8)) <= 1;
        return { inside, attached: below || above };
      }, `badge at ${y}px`)
      .toEqual({ inside: true, attached: true });
  }
  // Near the bottom it has flipped above the badge.
  await scrollBadgeTo(650);
  await expect
    .poll(async () => {
      const { badge: b, dialog: d } = await boxes();
      return d.y + d.height <= b.y;
    })
    .toBe(true);
  // The badge scrolled out of the viewport: nothing to be attached to.
  await scrollBadgeTo(-200);
  await expect(dialog).toBeHidden();
});

test('follows a live theme switch: GitHub data-color-mode, Hugging Face dark class, the browser preference', async ({
  page,
}) => {
  const theme = () =>
    page.evaluate(() =>
      document
        .querySelector('[data-verdict-lens-host="badge"]')
        ?.shadowRoot?.querySelector('.vl-root')
        ?.getAttribute('data-theme'),
    );
  const setMode = (mode: string) =>
    page.evaluate((m) => document.documentElement.setAttribute('data-color-mode', m), mode);
  await openRepo(page);
  expect(await theme()).toBe('light');
  await setMode('dark');
  await expect.poll(theme).toBe('dark');
  // The open popover follows too.
  await badges(page).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await setMode('light');
  await expect.poll(theme).toBe('light');
  // "auto": the browser's preference, followed when it changes.
  await setMode('auto');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(theme).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(theme).toBe('light');

  // Hugging Face's theme is a class on <html> (the bundled data rates no Hugging Face repo, so
  // on this page, without GitHub's attribute).
  await page.evaluate(() => document.documentElement.removeAttribute('data-color-mode'));
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await expect.poll(theme).toBe('dark');
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await expect.poll(theme).toBe('light');
});

test('a reviewer the user switched off never shows in the popover, not even for its first render', async ({
  page,
  context,
  extensionId,
}) => {
  const off = mlIntern.reviews[0]!.reviewerId;
  const on = feed.reviewers.map((r) => r.id).filter((id) => id !== off);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.evaluate(
    (reviewers) =>
      (
        globalThis as unknown as {
          chrome: { storage: { sync: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.sync.set({ reviewers }),
    on,
  );
  await options.close();
  const badge = await openRepo(page);
  // Records every quote React ever puts in the shadow root, even one removed a render later.
  await page.evaluate(() => {
    const root = document.querySelector('[data-verdict-lens-host="badge"]')!.shadowRoot!;
    const seen: string[] = [];
    (window as unknown as { seenReviewers: string[] }).seenReviewers = seen;
    new MutationObserver((records) => {
      for (const r of records)
        for (const node of r.addedNodes)
          if (node instanceof Element)
            for (const quote of [node, ...node.querySelectorAll('[data-reviewer]')])
              if (quote.getAttribute('data-reviewer'))
                seen.push(quote.getAttribute('data-reviewer')!);
    }).observe(root, { childList: true, subtree: true });
  });
  await badge.click();
  const dialog = page.getByRole('dialog', { name: 'ml-intern' });
  await expect(dialog.locator('[data-reviewer]').first()).toBeVisible();
  const seen = await page.evaluate(
    () => (window as unknown as { seenReviewers: string[] }).seenReviewers,
  );
  expect(seen.length).toBeGreaterThan(0);
  expect(seen).not.toContain(off);
});
