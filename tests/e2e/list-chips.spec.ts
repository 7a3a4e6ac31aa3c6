import type { BrowserContext, Page } from '@playwright/test';
import { expect, pageMark, settled, test } from './support/extension';
import { installTestFeed } from './support/feeds';
import { LIST_PAGES, listFixture } from './support/lists';
import { githubPage, huggingfacePage, serveSites } from './support/sites';
import { installBadgeMonitor, softNavigate } from './support/soft-nav';
import { testFeedWithHuggingFace } from './support/test-feeds';

/** The result pages the datasets under test rate (bundled on GitHub, the test feed on HF). */
const RATED = [
  '/huggingface/ml-intern',
  '/datasets/huggingface/ml-intern-traces',
  '/spaces/huggingface/ml-intern',
];
const LABEL = /^ml-intern: \d+% ship/;

/** Serves each list fixture at the address it mirrors, the usual fixtures elsewhere. */
async function serveLists(context: BrowserContext) {
  const byAddress = new Map(LIST_PAGES.map((p) => [new URL(p.url).href, p.file]));
  const fixtureOr = (fallback: (u: URL) => string) => (u: URL) => {
    const file = byAddress.get(u.href);
    return file ? listFixture(file) : fallback(u);
  };
  await serveSites(context, {
    'github.com': fixtureOr((u) => githubPage(u)),
    'huggingface.co': fixtureOr((u) => huggingfacePage(u)),
  });
}

/** Waits until the chips for `url` are applied; returns how many there are. */
async function chipsSettled(page: Page, url: string): Promise<number> {
  return Number(await pageMark(page, 'verdictLensChips', url));
}

interface ChipReport {
  /** Rated result-title links, each with how many chips sit right after it. */
  rated: number[];
  /** Chips anywhere else: after a decoy, an unrated result, or loose. */
  stray: string[];
  labels: string[];
  headerBadges: number;
}

/** Where the page's chips are, against its result-title links (data-expect="chip"). */
function chipReport(page: Page): Promise<ChipReport> {
  return page.evaluate((rated) => {
    const path = (a: Element) =>
      new URL(a.getAttribute('href') ?? '', location.href).pathname
        .replace(/\/$/, '')
        .toLowerCase();
    const titles = [...document.querySelectorAll('a[data-expect="chip"]')].filter((a) =>
      rated.includes(path(a)),
    );
    const chips = [
      ...document.querySelectorAll('[data-verdict-lens-host="badge"][data-anchor="list"]'),
    ];
    const counts = titles.map((a) => {
      let n = 0;
      for (
        let s = a.nextElementSibling;
        s?.matches('[data-verdict-lens-host]');
        s = s.nextElementSibling
      )
        n++;
      return n;
    });
    const stray = chips
      .filter((c) => !titles.includes(c.previousElementSibling as Element))
      .map(
        (c) =>
          `after <${c.previousElementSibling?.localName ?? 'nothing'} href=${c.previousElementSibling?.getAttribute('href') ?? ''}> in ${c.parentElement?.localName ?? ''}`,
      );
    return {
      rated: counts,
      stray,
      labels: chips.map(
        (c) => c.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '',
      ),
      headerBadges: document.querySelectorAll(
        '[data-verdict-lens-host="badge"]:not([data-anchor="list"])',
      ).length,
    };
  }, RATED);
}

function expectOneChipPerRated(report: ChipReport, rated: number) {
  expect(report.stray).toEqual([]);
  expect(report.rated).toEqual(Array.from({ length: rated }, () => 1));
  for (const label of report.labels) expect(label).toMatch(LABEL);
  expect(report.headerBadges).toBe(0);
}

for (const p of LIST_PAGES) {
  test(`${p.file}: one chip per rated result, none on decoys or unrated results`, async ({
    page,
    context,
    extensionId,
  }) => {
    if (p.url.startsWith('https://huggingface.co/'))
      await (await installTestFeed(context, extensionId, testFeedWithHuggingFace())).server.stop();
    await serveLists(context);
    await page.goto(p.url);
    const url = new URL(p.url).href;
    const count = await chipsSettled(page, url);
    const report = await chipReport(page);
    // A page whose only mentions of a rated tool are decoys (a fork line, a bio) has no chip.
    expect(count).toBe(p.rated);
    expect(report.rated.length).toBe(p.rated);
    expectOneChipPerRated(report, count);
    expect(await settled(page, url)).toBe('none');
  });
}

test('the chips come with the badges the worker found: the list script does not ask again', async ({
  page,
  context,
  serviceWorker,
}) => {
  await serveLists(context);
  // A second listener in the worker sees every message a page sends it, and answers none.
  await serviceWorker.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { seenMessages: string[] }).seenMessages = seen;
    const runtime = (
      globalThis as unknown as {
        chrome: {
          runtime: { onMessage: { addListener(f: (m: { type?: string }) => void): void } };
        };
      }
    ).chrome.runtime;
    runtime.onMessage.addListener((message) => {
      seen.push(String(message?.type));
    });
  });
  const url = LIST_PAGES.find((p) => p.file === 'github-search.html')!.url;
  await page.goto(url);
  expect(await chipsSettled(page, new URL(url).href)).toBeGreaterThan(0);
  const seen = await serviceWorker.evaluate(
    () => (globalThis as unknown as { seenMessages: string[] }).seenMessages,
  );
  // The fixture holds unrated results beside the rated one: they came through as unrated too.
  expect(seen.filter((type) => type === 'lookupLinks')).toEqual([]);
});

test('a chip is a button named like the badge and opens the same popover', async ({
  page,
  context,
}) => {
  await serveLists(context);
  const url = LIST_PAGES.find((p) => p.file === 'github-search.html')!.url;
  await page.goto(url);
  await chipsSettled(page, new URL(url).href);
  const chip = page
    .locator('[data-verdict-lens-host="badge"][data-anchor="list"]')
    .first()
    .getByRole('button', { name: LABEL });
  await chip.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('ml-intern');
  await expect(dialog.locator('[data-reviewer]').first()).toBeVisible();
});

test('a result appended by "Load more" gets its chip within 300 ms', async ({ page, context }) => {
  await serveLists(context);
  const url = LIST_PAGES.find((p) => p.file === 'github-topics.html')!.url;
  await page.goto(url);
  const before = await chipsSettled(page, new URL(url).href);
  const latency = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        // The way ajax-pagination adds a batch: a new article with a rated result's title.
        const source = [...document.querySelectorAll('article')].find((a) =>
          a.querySelector('a[data-expect="chip"][href="/huggingface/ml-intern"]'),
        )!;
        const article = source.cloneNode(true) as HTMLElement;
        article.querySelectorAll('[data-verdict-lens-host]').forEach((c) => c.remove());
        const link = article.querySelector('a[data-expect="chip"]')!;
        const at = performance.now();
        new MutationObserver(() => {
          if (
            link.nextElementSibling?.matches('[data-verdict-lens-host="badge"][data-anchor="list"]')
          )
            resolve(performance.now() - at);
        }).observe(article, { childList: true, subtree: true });
        setTimeout(() => reject(new Error('no chip after 2 s')), 2000);
        const last = [...document.querySelectorAll('article')].at(-1)!;
        last.after(article);
      }),
  );
  expect(latency).toBeLessThanOrEqual(300);
  await expect.poll(async () => (await chipReport(page)).rated.length).toBe(before + 1);
  expectOneChipPerRated(await chipReport(page), before + 1);
});

test('a list with no rated result runs no list script, until the page adds one: its chip within 300 ms', async ({
  page,
  context,
}) => {
  await serveLists(context);
  const { url } = LIST_PAGES.find((p) => p.file === 'github-user-repositories.html')!;
  await page.goto(url);
  expect(await chipsSettled(page, new URL(url).href)).toBe(0);
  // A later page of the list (the way a filter or the next page re-renders it): a rated repo.
  const latency = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const item = document
          .querySelector('#user-repositories-list li')!
          .cloneNode(true) as Element;
        const link = item.querySelector('a[data-expect="chip"]')!;
        link.setAttribute('href', '/huggingface/ml-intern');
        link.textContent = 'ml-intern';
        const at = performance.now();
        new MutationObserver(() => {
          if (
            link.nextElementSibling?.matches('[data-verdict-lens-host="badge"][data-anchor="list"]')
          )
            resolve(performance.now() - at);
        }).observe(item, { childList: true, subtree: true });
        setTimeout(() => reject(new Error('no chip after 2 s')), 2000);
        document.querySelector('#user-repositories-list ul')!.append(item);
      }),
  );
  expect(latency).toBeLessThanOrEqual(300);
  await expect.poll(async () => (await chipReport(page)).stray).toEqual([]);
  expect((await chipReport(page)).labels).toHaveLength(1);
});

test('20 query changes on GitHub search: exactly one chip per rated result each time', async ({
  page,
  context,
}) => {
  await serveLists(context);
  const start = LIST_PAGES.find((p) => p.file === 'github-search.html')!.url;
  await page.goto(start);
  await chipsSettled(page, new URL(start).href);
  // The results as the page rendered them, without our chips: React's next renders.
  await page.evaluate(() => {
    const list = document.querySelector('[data-testid="results-list"]')!;
    const rows = [...list.children].map((row) => {
      const copy = row.cloneNode(true) as Element;
      copy.querySelectorAll('[data-verdict-lens-host]').forEach((c) => c.remove());
      return copy;
    });
    (window as unknown as { __rows: Element[] }).__rows = rows;
  });
  for (let i = 0; i < 20; i++) {
    const rated = await page.evaluate((step) => {
      const rows = (window as unknown as { __rows: Element[] }).__rows;
      const list = document.querySelector('[data-testid="results-list"]')!;
      history.pushState({}, '', `/search?q=ml+${step}&type=repositories`);
      // Each query shows another slice in another order; every third keeps the row elements
      // and only changes their links, as React does when it reuses a list's nodes.
      const picked = rows.filter((_, j) => (j + step) % 3 !== 0);
      if (step % 2) picked.reverse();
      if (step % 3 === 0 && list.children.length === picked.length) {
        [...list.children].forEach((row, j) => {
          const from = picked[j]!.querySelector('a[data-expect="chip"]')!;
          const to = row.querySelector('a[data-expect="chip"]')!;
          to.setAttribute('href', from.getAttribute('href')!);
          to.textContent = from.textContent;
        });
      } else {
        list.replaceChildren(...picked.map((r) => r.cloneNode(true)));
      }
      return [...list.querySelectorAll('a[data-expect="chip"]')].filter(
        (a) => a.getAttribute('href') === '/huggingface/ml-intern',
      ).length;
    }, i);
    await expect
      .poll(async () => {
        const r = await chipReport(page);
        return { rated: r.rated, stray: r.stray };
      })
      .toEqual({ rated: Array.from({ length: rated }, () => 1), stray: [] });
  }
});

test('the lists switch in options takes the chips off open tabs and brings them back', async ({
  page,
  context,
  extensionId,
}) => {
  await serveLists(context);
  const url = LIST_PAGES.find((p) => p.file === 'github-trending.html')!.url;
  await page.goto(url);
  const count = await chipsSettled(page, new URL(url).href);
  expect(count).toBeGreaterThan(0);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const lists = options.getByRole('switch', { name: 'GitHub lists' });
  await lists.uncheck();
  await expect.poll(() => page.locator('[data-verdict-lens-host="badge"]').count()).toBe(0);
  await lists.check();
  await expect
    .poll(() => page.locator('[data-verdict-lens-host="badge"][data-anchor="list"]').count())
    .toBe(count);
});

test('soft navigation from a repo into search brings chips, and back leaves only the header badge', async ({
  page,
  context,
}) => {
  await serveLists(context);
  const repo = 'https://github.com/huggingface/ml-intern';
  await page.goto(repo);
  expect(await settled(page, repo)).toBe('badge');
  await installBadgeMonitor(page);
  const search = LIST_PAGES.find((p) => p.file === 'github-search.html')!;
  await softNavigate(page, {
    url: search.url,
    html: listFixture(search.file),
    delayMs: 50,
    expectBadge: '',
    expectDuring: '',
  });
  await expect.poll(async () => (await chipReport(page)).rated).toEqual([1]);
  expectOneChipPerRated(await chipReport(page), search.rated);
  await softNavigate(page, {
    url: repo,
    html: githubPage(new URL(repo)),
    delayMs: 50,
    expectBadge: 'ml-intern',
    expectDuring: '',
  });
  expect(await settled(page, repo)).toBe('badge');
  await expect
    .poll(() => page.locator('[data-verdict-lens-host="badge"][data-anchor="list"]').count())
    .toBe(0);
  await expect(page.locator('[data-verdict-lens-host="badge"]')).toHaveCount(1);
});
