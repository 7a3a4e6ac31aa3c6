import type { Page } from '@playwright/test';
import { badges, expect, settled, test, visit } from './support/extension';
import { installTestFeed } from './support/feeds';
import { githubPage } from './support/sites';
import { testFeedWithHuggingFace } from './support/test-feeds';

// Which URLs get a badge, across the three sites. GitHub and cursor.com answer from the bundled
// dataset; Hugging Face from a test feed that adds Hugging Face keys to ml-intern.
const TABLE: [url: string, badge: string | null][] = [
  ['https://github.com/huggingface/ml-intern', 'ml-intern: 75% ship'],
  ['https://github.com/huggingface/ml-intern/', 'ml-intern: 75% ship'],
  ['https://github.com/huggingface/ml-intern/tree/main/agent', 'ml-intern: 75% ship'],
  ['https://github.com/huggingface/ml-intern/blob/main/README.md', 'ml-intern: 75% ship'],
  ['https://github.com/huggingface/ml-intern/issues/12', 'ml-intern: 75% ship'],
  ['https://github.com/huggingface/ml-intern/pulls', 'ml-intern: 75% ship'],
  ['https://github.com/huggingface/ml-intern/actions', 'ml-intern: 75% ship'],
  ['https://github.com/HuggingFace/ML-Intern', 'ml-intern: 75% ship'],
  ['https://github.com/huggingface/ml-intern?tab=readme-ov-file#install', 'ml-intern: 75% ship'],
  ['https://github.com/huggingface/transformers', null],
  ['https://github.com/huggingface', null],
  ['https://github.com/search?q=ml-intern', null],
  ['https://github.com/topics/ml-intern', null],
  ['https://github.com/settings/profile', null],
  ['https://github.com/marketplace', null],
  ['https://github.com/', null],
  ['https://huggingface.co/huggingface/ml-intern', 'ml-intern: 75% ship'],
  ['https://huggingface.co/huggingface/ml-intern/tree/main', 'ml-intern: 75% ship'],
  ['https://huggingface.co/datasets/huggingface/ml-intern-traces', 'ml-intern: 75% ship'],
  ['https://huggingface.co/datasets/huggingface/ml-intern-traces/viewer', 'ml-intern: 75% ship'],
  ['https://huggingface.co/spaces/huggingface/ml-intern', 'ml-intern: 75% ship'],
  ['https://huggingface.co/spaces/HuggingFace/ML-Intern/discussions', 'ml-intern: 75% ship'],
  ['https://huggingface.co/huggingface/other-model', null],
  ['https://huggingface.co/huggingface', null],
  ['https://huggingface.co/models?search=ml-intern', null],
  ['https://huggingface.co/datasets', null],
  ['https://huggingface.co/docs/hub/index', null],
  ['https://huggingface.co/pricing', null],
  ['https://cursor.com/', 'Cursor: 100% ship'],
  ['https://cursor.com/pricing', 'Cursor: 100% ship'],
  ['https://docs.cursor.com/agent/background-agent', 'Cursor: 100% ship'],
  ['https://github.com/getcursor/cursor-unrated-fixture', null],
];

test(`badge present or absent on ${TABLE.length} URLs across GitHub, Hugging Face and product sites`, async ({
  page,
  context,
  extensionId,
}) => {
  const { server } = await installTestFeed(context, extensionId, testFeedWithHuggingFace());
  const wrong: string[] = [];
  for (const [url, name] of TABLE) {
    await page.goto(url);
    const outcome = await settled(page, page.url());
    const count = await page.locator('[data-verdict-lens-host="badge"]').count();
    const label = count === 1 ? await badges(page).first().getAttribute('aria-label') : null;
    const ok =
      name === null
        ? outcome === 'none' && count === 0
        : outcome === 'badge' && count === 1 && !!label?.includes(name);
    if (!ok)
      wrong.push(`${url}: expected ${name ?? 'no badge'}, got ${outcome} ×${count} ${label ?? ''}`);
  }
  expect(wrong).toEqual([]);
  await server.stop();
});

/** When the page's DOMContentLoaded and the badge's first appearance happened, page time. */
async function timesOf(page: Page) {
  return page.evaluate(() => (window as unknown as { times: Record<string, number> }).times);
}

const RECORD_TIMES = () => {
  const times: Record<string, number> = {};
  (window as unknown as { times: Record<string, number> }).times = times;
  document.addEventListener('DOMContentLoaded', () => (times.ready = performance.now()));
  new MutationObserver(() => {
    if (document.querySelector('[data-verdict-lens-host="badge"]'))
      times.badge ??= performance.now();
  }).observe(document, { childList: true, subtree: true });
};

test('without a header it knows, the badge floats at once, naming the tool, in the corner', async ({
  page,
  context,
}) => {
  await context.route('https://github.com/huggingface/ml-intern/redesigned', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html><body><main><h1>ml-intern, new design</h1></main></body></html>',
    }),
  );
  await page.addInitScript(RECORD_TIMES);
  const url = 'https://github.com/huggingface/ml-intern/redesigned';
  expect(await visit(page, url)).toBe('badge');
  await expect(badges(page)).toHaveCount(1);
  await expect(
    page.locator('[data-verdict-lens-host="badge"][data-placement="floating"]'),
  ).toHaveCount(1);
  // Named, since no header next to it names the repo.
  await expect(badges(page).first()).toHaveText(/ml-intern\s*75%\s*ship/);
  const box = await badges(page).first().boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.x > viewport.width / 2 && box.y > viewport.height / 2).toBe(true);
  // No wait for a header that will not come: the floating fallback waits 1.5 s for one.
  const times = await timesOf(page);
  expect(times.badge! - times.ready!).toBeLessThan(1000);
});

test('the floating badge keeps clear of a chat button and a fixed footer in the corner', async ({
  page,
  context,
}) => {
  const widgets = {
    chat: '<button style="position:fixed;right:16px;bottom:16px;width:56px;height:56px;border-radius:28px">Chat</button>',
    footer:
      '<div style="position:fixed;left:0;right:0;bottom:0;height:72px;background:#eee">Cookies?</div>',
  };
  for (const [name, widget] of Object.entries(widgets)) {
    const url = `https://github.com/huggingface/ml-intern/with-${name}`;
    await context.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body><main><h1>ml-intern</h1></main>${widget}</body></html>`,
      }),
    );
    expect(await visit(page, url)).toBe('badge');
    await expect(
      page.locator('[data-verdict-lens-host="badge"][data-placement="floating"]'),
    ).toHaveCount(1);
    const overlap = await page.evaluate(() => {
      const badge = document
        .querySelector('[data-verdict-lens-host="badge"]')
        ?.shadowRoot?.querySelector('button')
        ?.getBoundingClientRect();
      const pinned = document.querySelector('body > :last-child')!.getBoundingClientRect();
      return badge
        ? badge.bottom > pinned.top && badge.right > pinned.left && badge.left < pinned.right
        : true;
    });
    expect(overlap, name).toBe(false);
  }
});

test('on a page still loading, the badge waits for the header instead of floating', async ({
  page,
  context,
}) => {
  // A parser-blocking script before the header holds the page in "loading" for longer than the
  // floating fallback's wait (1.5 s), as a slow network would; the lookup is answered meanwhile.
  const url = 'https://github.com/huggingface/ml-intern';
  let releaseScript = () => {};
  const scriptAsked = new Promise<void>((resolve) => {
    void context.route('https://github.com/slow-script.js', async (route) => {
      resolve();
      await new Promise<void>((release) => (releaseScript = release));
      await route.fulfill({ contentType: 'text/javascript', body: '' });
    });
  });
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: githubPage(new URL(url)).replace(
        '<body class="logged-out env-production page-responsive">',
        '$&<script src="https://github.com/slow-script.js"></script>',
      ),
    }),
  );
  // Every placement the badge's host goes through, seen from the page.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { placements: string[] }).placements = seen;
    new MutationObserver((records) => {
      for (const r of records)
        if (r.target instanceof Element && r.target.matches('[data-verdict-lens-host="badge"]'))
          seen.push(r.target.getAttribute('data-placement') ?? '');
    }).observe(document, { attributes: true, attributeFilter: ['data-placement'], subtree: true });
  });
  const navigation = page.goto(url);
  await scriptAsked;
  await expect(page.locator('html')).toHaveAttribute('data-verdict-lens', `badge ${url}`);
  // What is under test is a timer: the page stays in "loading" past the floating fallback's
  // 1.5 s, and the badge must not float meanwhile.
  await page.waitForTimeout(2000);
  expect(await page.evaluate(() => document.readyState)).toBe('loading');
  releaseScript();
  await navigation;
  await expect(
    page.locator('[data-verdict-lens-host="badge"][data-placement="inline"]'),
  ).toHaveCount(1);
  expect(
    await page.evaluate(() => (window as unknown as { placements: string[] }).placements),
  ).toEqual(['inline']);
});
