import type { Page } from '@playwright/test';
import { badges, expect, test, visit } from './support/extension';
import { installTestFeed } from './support/feeds';
import { GITHUB_LAYOUTS, githubPage, serveSites, type GithubLayout } from './support/sites';
import { bundledFeed } from './support/test-feeds';

// Names and scores come from the bundled dataset, built from the saved pages in data/pages.
const PRESENT = [
  'https://github.com/huggingface/ml-intern',
  'https://github.com/huggingface/ml-intern/issues/12',
  'https://github.com/huggingface/ml-intern/pull/3',
  'https://github.com/huggingface/ml-intern/blob/main/README.md',
  'https://github.com/huggingface/ml-intern/tree/main/agent',
  'https://github.com/HuggingFace/ML-Intern',
];

const ABSENT = [
  'https://github.com/huggingface/transformers',
  'https://github.com/huggingface',
  'https://github.com/search?q=ml-intern',
];

/** What the badge's host sits right after, in each layout. */
const AFTER: Record<GithubLayout, string> = {
  classic: 'strong[itemprop="name"]',
  'global-nav':
    'header[role="banner"] [data-testid="top-nav-center"] > nav[aria-label="Breadcrumbs"]',
};

/** Where the host is: the selector its previous sibling matches, its anchor, how it is drawn. */
async function placement(page: Page, after: string) {
  return page.evaluate((selector) => {
    const host = document.querySelector('[data-verdict-lens-host="badge"]') as HTMLElement | null;
    if (!host) return null;
    const crumb = host.previousElementSibling?.querySelector('ol > li:last-child a');
    const box = host.shadowRoot?.querySelector('button')?.getBoundingClientRect();
    const crumbBox = crumb?.getBoundingClientRect();
    return {
      after: host.previousElementSibling?.matches(selector) ?? false,
      placement: host.dataset.placement,
      size: host.dataset.size,
      crumbHref: crumb?.getAttribute('href') ?? null,
      // Vertical centres of the badge and the crumb it follows.
      offCentre:
        box && crumbBox
          ? Math.abs(box.top + box.height / 2 - (crumbBox.top + crumbBox.height / 2))
          : null,
      height: box?.height ?? null,
    };
  }, after);
}

for (const layout of GITHUB_LAYOUTS) {
  for (const colorMode of ['light', 'dark'] as const) {
    test(`${layout}, ${colorMode}: the badge sits right after the repo name on every page of a rated repo`, async ({
      page,
      context,
    }) => {
      await serveSites(context, { 'github.com': (u) => githubPage(u, { layout, colorMode }) });
      for (const url of PRESENT) {
        expect(await visit(page, url), url).toBe('badge');
        await expect(badges(page)).toHaveCount(1);
        const badge = badges(page).first();
        await expect(badge).toHaveAccessibleName(/ml-intern: 75% ship/);
        await expect(badge).toHaveText(/75%/);
        const where = await placement(page, AFTER[layout]);
        expect(where, url).toMatchObject({ after: true, placement: 'inline' });
        if (layout === 'global-nav') {
          // Compact in the top bar, centred on the crumb, after the crumb of this very repo.
          expect(where?.size).toBe('compact');
          expect(where?.crumbHref?.toLowerCase()).toBe('/huggingface/ml-intern');
          expect(where?.offCentre).toBeLessThanOrEqual(2);
          expect(where?.height).toBeLessThanOrEqual(20);
        }
        expect(
          await page.evaluate(() =>
            document
              .querySelector('[data-verdict-lens-host="badge"]')
              ?.shadowRoot?.querySelector('.vl-root')
              ?.getAttribute('data-theme'),
          ),
        ).toBe(colorMode);
      }
    });
  }

  test(`${layout}: no badge on unrated repos, org pages or search`, async ({ page, context }) => {
    await serveSites(context, { 'github.com': (u) => githubPage(u, { layout }) });
    for (const url of ABSENT) {
      expect(await visit(page, url)).toBe('none');
      await expect(page.locator('[data-verdict-lens-host="badge"]')).toHaveCount(0);
    }
  });
}

test('global-nav: the repo picker crumb, the overflow menu and absolute hrefs all carry the badge', async ({
  page,
  context,
}) => {
  const url = 'https://github.com/huggingface/ml-intern';
  for (const opts of [
    { crumbs: 'picker' },
    { crumbs: 'overflow' },
    { absoluteHrefs: true },
  ] as const) {
    await serveSites(context, {
      'github.com': (u) => githubPage(u, { layout: 'global-nav', ...opts }),
    });
    expect(await visit(page, url)).toBe('badge');
    expect(await placement(page, AFTER['global-nav']), JSON.stringify(opts)).toMatchObject({
      after: true,
      placement: 'inline',
    });
    // Primer's overflow menu still opens, and it holds the owner crumb, not the badge.
    if ('crumbs' in opts && opts.crumbs === 'overflow') {
      await page.locator('nav[aria-label="Breadcrumbs"] summary').click();
      await expect(page.locator('nav[aria-label="Breadcrumbs"] details a')).toHaveText(
        'huggingface',
      );
      await expect(
        page.locator('nav[aria-label="Breadcrumbs"] [data-verdict-lens-host="badge"]'),
      ).toHaveCount(0);
    }
  }
});

test('global-nav: the badge waits for React to hydrate the header, then goes inline', async ({
  page,
  context,
}) => {
  const url = 'https://github.com/huggingface/ml-intern';
  await serveSites(context, {
    'github.com': (u) => githubPage(u, { layout: 'global-nav', hydrated: false }),
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { placements: string[] }).placements = seen;
    new MutationObserver((records) => {
      for (const r of records)
        if (r.target instanceof Element && r.target.matches('[data-verdict-lens-host="badge"]'))
          seen.push(r.target.getAttribute('data-placement') ?? '');
    }).observe(document, { attributes: true, attributeFilter: ['data-placement'], subtree: true });
  });
  expect(await visit(page, url)).toBe('badge');
  // Not in the island before it is hydrated.
  await expect(page.locator('[data-verdict-lens-host="badge"]')).toHaveCount(0);
  await page.evaluate(() =>
    document.querySelector('react-partial[partial-name="global-nav-bar"]')?.classList.add('loaded'),
  );
  await expect(
    page.locator('[data-verdict-lens-host="badge"][data-placement="inline"]'),
  ).toHaveCount(1);
  expect(
    await page.evaluate(() => (window as unknown as { placements: string[] }).placements),
  ).toEqual(['inline']);
});

test('github.com/community/community, a live repository, gets its badge when rated', async ({
  page,
  context,
  extensionId,
}) => {
  // TEST FEED: the bundled verdicts, with community/community added to ml-intern's keys.
  const feed = bundledFeed();
  feed.tools = feed.tools.map((t) =>
    t.id === 'ml-intern'
      ? { ...t, match: { ...t.match, github: [...t.match.github, 'community/community'] } }
      : t,
  );
  const { server } = await installTestFeed(context, extensionId, feed);
  expect(await visit(page, 'https://github.com/community/community/discussions/12')).toBe('badge');
  await expect(badges(page).first()).toHaveAccessibleName(/ml-intern: 75% ship/);
  await server.stop();
});
