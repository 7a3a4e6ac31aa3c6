import type { Page } from '@playwright/test';
import { expect, settled, test, visit } from './support/extension';
import { installTestFeed } from './support/feeds';
import { githubPage, huggingfacePage, serveSites } from './support/sites';
import { installBadgeMonitor, monitorState, softNavigate } from './support/soft-nav';
import { testFeedWithHuggingFace } from './support/test-feeds';

type Step = [path: string, tool: string];

const GITHUB: Step[] = [
  ['/huggingface/ml-intern/issues', 'ml-intern'],
  ['/huggingface/transformers', ''],
  ['/huggingface/ml-intern/tree/main/agent', 'ml-intern'],
  ['/huggingface', ''],
  ['/HuggingFace/ML-Intern/pulls', 'ml-intern'],
  ['/search?q=ml-intern', ''],
  ['/huggingface/ml-intern', 'ml-intern'],
  ['/huggingface/ml-intern/actions', 'ml-intern'],
  ['/openai/whisper', ''],
  ['/huggingface/ml-intern/issues/12', 'ml-intern'],
];

const HUGGINGFACE: Step[] = [
  ['/huggingface/ml-intern/tree/main', 'ml-intern'],
  ['/huggingface/other-model', ''],
  ['/datasets/huggingface/ml-intern-traces', 'ml-intern'],
  ['/models', ''],
  ['/spaces/huggingface/ml-intern', 'ml-intern'],
  ['/meta-llama/Llama-3.1-8B', ''],
  ['/huggingface/ml-intern', 'ml-intern'],
  ['/huggingface/ml-intern/discussions', 'ml-intern'],
  ['/docs/hub', ''],
  ['/spaces/huggingface/ml-intern/discussions', 'ml-intern'],
];

const DELAYS = [0, 40, 120, 250];
/** GitHub's React navigation re-renders the crumbs up to 400 ms after the URL changed. */
const GLOBAL_NAV_DELAYS = [0, 100, 250, 400];

/** In the 2026 layout the badge must sit right after the crumbs naming this very repo. */
async function besideRepoCrumb(page: Page, url: URL): Promise<boolean> {
  return page.evaluate(
    (path) => {
      const host = document.querySelector('[data-verdict-lens-host="badge"]');
      const nav = host?.previousElementSibling;
      if (!nav?.matches('[data-testid="top-nav-center"] > nav[aria-label="Breadcrumbs"]'))
        return false;
      const href = nav.querySelector('ol > li:last-child a')?.getAttribute('href') ?? '';
      return new URL(href, location.href).pathname.toLowerCase() === path;
    },
    `/${url.pathname.split('/').slice(1, 3).join('/').toLowerCase()}`,
  );
}

/** Walks the steps as soft navigations; each badge must follow within 300 ms of its header. */
async function walk(
  page: Page,
  origin: string,
  steps: Step[],
  render: (url: URL) => string,
  rounds: number,
  delays: readonly number[] = DELAYS,
  placedRight?: (page: Page, url: URL) => Promise<boolean>,
  startTool = 'ml-intern',
) {
  let previous = startTool;
  const latencies: number[] = [];
  for (let i = 0; i < steps.length * rounds; i++) {
    const [path, tool] = steps[i % steps.length]!;
    const url = new URL(path, origin);
    const headerAt = await softNavigate(page, {
      url: url.href,
      html: render(url),
      delayMs: delays[i % delays.length]!,
      expectBadge: tool,
      expectDuring: tool === previous ? tool : '',
    });
    expect(await settled(page, url.href), url.href).toBe(tool ? 'badge' : 'none');
    if (tool) {
      await expect
        .poll(async () => (await monitorState(page)).appearedAt, { message: url.href })
        .not.toBeNull();
      latencies.push(Math.max(0, (await monitorState(page)).appearedAt! - headerAt));
      if (placedRight)
        await expect.poll(() => placedRight(page, url), { message: url.href }).toBe(true);
    }
    previous = tool;
  }
  const state = await monitorState(page);
  expect(state.wrong).toEqual([]);
  expect(state.maxBadges).toBeLessThanOrEqual(1);
  expect(Math.max(...latencies)).toBeLessThanOrEqual(300);
}

test('20 soft navigations on GitHub: always the right badge, never two, within 300 ms', async ({
  page,
}) => {
  const start = 'https://github.com/huggingface/ml-intern';
  expect(await visit(page, start)).toBe('badge');
  await installBadgeMonitor(page);
  await page.evaluate(() => (document.documentElement.dataset.expectBadge = 'ml-intern'));
  await walk(page, 'https://github.com', GITHUB, (u) => githubPage(u), 2);
});

test('from an unrated page, which runs none of our scripts, soft navigations bring the badge', async ({
  page,
}) => {
  // The worker runs the lens only in rated pages: here it arrives on the first soft navigation
  // to one (tabs.onUpdated), then follows the page itself.
  const start = 'https://github.com/huggingface/transformers';
  expect(await visit(page, start)).toBe('none');
  await installBadgeMonitor(page);
  const steps = [...GITHUB.slice(4), ...GITHUB.slice(0, 4)];
  await walk(page, 'https://github.com', steps, (u) => githubPage(u), 1, DELAYS, undefined, '');
});

test('10 soft navigations in GitHub’s 2026 layout: one badge, beside the new repo crumb', async ({
  page,
  context,
}) => {
  const render = (u: URL) => githubPage(u, { layout: 'global-nav' });
  await serveSites(context, { 'github.com': render });
  const start = 'https://github.com/huggingface/ml-intern';
  expect(await visit(page, start)).toBe('badge');
  await installBadgeMonitor(page);
  await page.evaluate(() => (document.documentElement.dataset.expectBadge = 'ml-intern'));
  await walk(page, 'https://github.com', GITHUB, render, 1, GLOBAL_NAV_DELAYS, besideRepoCrumb);
});

test('10 soft navigations on Hugging Face', async ({ page, context, extensionId }) => {
  const { server } = await installTestFeed(context, extensionId, testFeedWithHuggingFace());
  const start = 'https://huggingface.co/huggingface/ml-intern';
  expect(await visit(page, start)).toBe('badge');
  await installBadgeMonitor(page);
  await page.evaluate(() => (document.documentElement.dataset.expectBadge = 'ml-intern'));
  await walk(page, 'https://huggingface.co', HUGGINGFACE, (u) => huggingfacePage(u), 1);
  await server.stop();
});

test('the badge re-attaches when GitHub re-renders the header after it was placed', async ({
  page,
}) => {
  const url = 'https://github.com/huggingface/ml-intern';
  expect(await visit(page, url)).toBe('badge');
  await installBadgeMonitor(page);
  await page.evaluate(() => (document.documentElement.dataset.expectBadge = 'ml-intern'));
  for (let i = 0; i < 5; i++) {
    const html = githubPage(new URL(url));
    await page.evaluate((h) => {
      (window as unknown as { __vl: { appearedAt: number | null } }).__vl.appearedAt = null;
      const next = new DOMParser()
        .parseFromString(h, 'text/html')
        .querySelector('#repository-container-header');
      if (next)
        document
          .querySelector('#repository-container-header')
          ?.replaceWith(document.adoptNode(next));
    }, html);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document
              .querySelector('[data-verdict-lens-host="badge"]')
              ?.previousElementSibling?.matches('strong[itemprop="name"]') ?? false,
        ),
      )
      .toBe(true);
  }
  const state = await monitorState(page);
  expect(state.wrong).toEqual([]);
  expect(state.maxBadges).toBe(1);
});

test('in the 2026 layout the badge re-attaches when the crumbs re-render (resize, React)', async ({
  page,
  context,
}) => {
  await serveSites(context, { 'github.com': (u) => githubPage(u, { layout: 'global-nav' }) });
  const url = 'https://github.com/huggingface/ml-intern';
  expect(await visit(page, url)).toBe('badge');
  await installBadgeMonitor(page);
  await page.evaluate(() => (document.documentElement.dataset.expectBadge = 'ml-intern'));
  const variants = ['span', 'overflow', 'picker', 'span', 'overflow'] as const;
  for (const [i, crumbs] of variants.entries()) {
    // Primer re-renders the breadcrumbs nav when the window's width changes.
    if (i % 2) await page.setViewportSize({ width: 700 + i * 40, height: 720 });
    const html = githubPage(new URL(url), { layout: 'global-nav', crumbs });
    await page.evaluate((h) => {
      const next = new DOMParser()
        .parseFromString(h, 'text/html')
        .querySelector('nav[aria-label="Breadcrumbs"]');
      if (next)
        document
          .querySelector('header nav[aria-label="Breadcrumbs"]')
          ?.replaceWith(document.adoptNode(next));
    }, html);
    await expect.poll(() => besideRepoCrumb(page, new URL(url))).toBe(true);
  }
  const state = await monitorState(page);
  expect(state.wrong).toEqual([]);
  expect(state.maxBadges).toBe(1);
});

test('a navigation the page cancels never routes the lens: no badge for its URL, none lost', async ({
  page,
}) => {
  expect(await visit(page, 'https://github.com/huggingface/ml-intern')).toBe('badge');
  await installBadgeMonitor(page);
  // HOSTILE PAGE SCRIPT: it names URLs through the Navigation API and cancels them in its own
  // navigate listener, which runs after the lens's (the lens starts at document_start).
  await page.evaluate(() => {
    const w = window as unknown as { __marks: string[] };
    w.__marks = [];
    new MutationObserver(() =>
      w.__marks.push(document.documentElement.dataset.verdictLens ?? ''),
    ).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-verdict-lens'],
    });
    const nav = (globalThis as unknown as { navigation: EventTarget }).navigation;
    nav.addEventListener('navigate', (event) => {
      const { pathname } = new URL(
        (event as unknown as { destination: { url: string } }).destination.url,
      );
      if (pathname === '/openai/whisper' || pathname === '/huggingface/ml-intern/pulls')
        event.preventDefault();
    });
    document.documentElement.dataset.expectBadge = 'ml-intern';
  });
  const cancelled = (path: string) =>
    page.evaluate(async (p) => {
      const nav = (
        globalThis as unknown as {
          navigation: { navigate(u: string): { committed: Promise<unknown> } };
        }
      ).navigation;
      return nav.navigate(p).committed.then(
        () => 'committed',
        (e: Error) => e.name,
      );
    }, path);
  const pushState = async (path: string, expectBadge: string) => {
    await page.evaluate(
      ([p, want]) => {
        document.documentElement.dataset.expectBadge = want!;
        history.pushState({}, '', p);
      },
      [path, expectBadge],
    );
    return settled(page, `https://github.com${path}`);
  };

  // To an unrated repo: cancelled, so the rated badge must stay.
  expect(await cancelled('/openai/whisper')).toBe('AbortError');
  expect(await pushState('/huggingface/ml-intern/issues', 'ml-intern')).toBe('badge');
  expect((await monitorState(page)).appearedAt).not.toBeNull();
  // From an unrated page to a rated one: cancelled, so no badge may appear, not even briefly.
  expect(await pushState('/huggingface', '')).toBe('none');
  expect(await cancelled('/huggingface/ml-intern/pulls')).toBe('AbortError');
  expect(await pushState('/search?q=ml-intern', '')).toBe('none');

  const marks = await page.evaluate(() => (window as unknown as { __marks: string[] }).__marks);
  expect(marks.filter((m) => /openai\/whisper|ml-intern\/pulls/.test(m))).toEqual([]);
  const state = await monitorState(page);
  expect(state.wrong).toEqual([]);
  expect(state.maxBadges).toBe(1);
});
