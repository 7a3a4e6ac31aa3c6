import { expect, it } from 'vitest';
import { badgeAccessibleName } from '../../lib/model/badge-label';
import { bundledFeed } from '../e2e/support/test-feeds';
import { useFirefox } from './support/use-firefox';
import { badgeRoot, byRole, quotedReviewers, visit } from './support/lens';
import { openSiteTab } from './support/sites';

const feed = bundledFeed();
const mlIntern = feed.verdicts.find((v) => v.id === 'ml-intern')!;

const firefox = useFirefox();

it('clicking the badge opens the verdict with every reviewer’s quote', async () => {
  const page = await openSiteTab(firefox().browser);
  expect(await visit(page, 'https://github.com/huggingface/ml-intern')).toBe('badge');
  const root = await badgeRoot(page);
  await (
    await byRole(root, 'button', badgeAccessibleName(mlIntern.title, mlIntern.panelShip))
  ).click();
  // React is injected into the page on this first open (scripting.executeScript in Firefox's
  // event page): the dialog exists only if that worked.
  const dialog = await byRole(root, 'dialog', mlIntern.title);
  expect(await dialog.evaluate((d) => d.textContent)).toContain(mlIntern.tagline);
  expect(await quotedReviewers(dialog)).toEqual(mlIntern.reviews.map((r) => r.reviewerId));
  for (const review of mlIntern.reviews) {
    const reviewer = feed.reviewers.find((r) => r.id === review.reviewerId)!;
    const text = await dialog.$eval(`[data-reviewer="${review.reviewerId}"]`, (q) => q.textContent);
    expect(text).toContain(reviewer.name);
    // Long quotes fold behind "more": their opening is always shown.
    expect(text).toContain(review.quote.slice(0, 60));
  }
});
