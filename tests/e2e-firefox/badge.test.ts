import { describe, expect, it } from 'vitest';
import { badgeAccessibleName } from '../../lib/model/badge-label';
import { GITHUB_LAYOUTS, githubPage } from '../e2e/support/sites';
import { bundledFeed } from '../e2e/support/test-feeds';
import { useFirefox } from './support/use-firefox';
import { badgeHostCount, badgeRoot, byRole, settled, visit } from './support/lens';
import { openSiteTab } from './support/sites';

// Names and scores come from the bundled dataset, built from the saved pages in data/pages.
const mlIntern = bundledFeed().verdicts.find((v) => v.id === 'ml-intern')!;

const firefox = useFirefox();

describe.each(GITHUB_LAYOUTS)('GitHub, %s layout', (layout) => {
  it('a rated repo gets its badge, named with its score', async () => {
    const page = await openSiteTab(firefox().browser, { layout });
    expect(await visit(page, 'https://github.com/huggingface/ml-intern')).toBe('badge');
    expect(await badgeHostCount(page)).toBe(1);
    // The name Firefox's accessibility engine computes, not an attribute read back.
    const name = badgeAccessibleName(mlIntern.title, mlIntern.panelShip);
    expect(name).toContain('ml-intern: 75% ship');
    const badge = await byRole(await badgeRoot(page), 'button', name);
    expect(await badge.evaluate((b) => b.textContent)).toContain('75%');
  });

  it('an unrated repo gets none, and a soft navigation from it to a rated one brings the badge', async () => {
    const page = await openSiteTab(firefox().browser, { layout });
    expect(await visit(page, 'https://github.com/huggingface/transformers')).toBe('none');
    expect(await badgeHostCount(page)).toBe(0);
    // The page ran no lens: the worker brings it on the pushState (tabs.onUpdated), with the
    // new page's markup swapped in the way GitHub's navigation does.
    const rated = 'https://github.com/huggingface/ml-intern';
    await page.evaluate(
      (url, html) => {
        const next = new DOMParser().parseFromString(html, 'text/html');
        history.pushState({}, '', url);
        document.body.replaceWith(document.adoptNode(next.body));
      },
      rated,
      githubPage(new URL(rated), { layout }),
    );
    expect(await settled(page, rated)).toBe('badge');
    expect(await badgeHostCount(page)).toBe(1);
  });
});
