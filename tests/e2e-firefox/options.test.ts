import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { badgeAccessibleName } from '../../lib/model/badge-label';
import { bundledFeed } from '../e2e/support/test-feeds';
import { useFirefox } from './support/use-firefox';
import { badgeRoot, byRole, quotedReviewers, visit } from './support/lens';
import { openSiteTab } from './support/sites';

const REPO = 'https://github.com/huggingface/ml-intern';
const mlIntern = bundledFeed().verdicts.find((v) => v.id === 'ml-intern')!;
const REVIEWERS = mlIntern.reviews.map((r) => r.reviewerId);
const WITHOUT_CREATOR = REVIEWERS.filter((id) => id !== 'creator');

const firefox = useFirefox();

/** The reviewer ids the open popover quotes, in order ('' when none is open). */
const quotedNow = () => {
  const dialog = document
    .querySelector('[data-verdict-lens-host="badge"]')
    ?.shadowRoot?.querySelector('[role="dialog"]');
  return [...(dialog?.querySelectorAll('[data-reviewer]') ?? [])]
    .map((q) => q.getAttribute('data-reviewer'))
    .join();
};

/** Waits until the open popover quotes exactly these reviewers (it follows storage changes). */
async function untilQuoted(page: Page, ids: string[]): Promise<void> {
  // The tab in front: Firefox runs no animation frames, which puppeteer polls with, in a
  // background tab.
  await page.bringToFront();
  try {
    await page.waitForFunction(`(${quotedNow})() === ${JSON.stringify(ids.join())}`);
  } catch (error) {
    const got = await page.evaluate(quotedNow);
    throw new Error(`the popover quotes [${got}], not [${ids.join()}]`, { cause: error });
  }
}

it('a reviewer switched off in the options page leaves the open popover, and stays off on the next page load', async () => {
  const page = await openSiteTab(firefox().browser);
  expect(await visit(page, REPO)).toBe('badge');
  const root = await badgeRoot(page);
  const badgeName = badgeAccessibleName(mlIntern.title, mlIntern.panelShip);
  await (await byRole(root, 'button', badgeName)).click();
  expect(await quotedReviewers(await byRole(root, 'dialog', mlIntern.title))).toEqual(REVIEWERS);

  const { options } = firefox();
  await options.bringToFront();
  const creator = await byRole(options, 'checkbox', 'Creator');
  await creator.click();
  expect(await creator.evaluate((c) => (c as HTMLInputElement).checked)).toBe(false);
  await untilQuoted(page, WITHOUT_CREATOR);

  // A new page load: a new content script and a new React root read the saved choice.
  expect(await visit(page, REPO)).toBe('badge');
  const reloaded = await badgeRoot(page);
  await (await byRole(reloaded, 'button', badgeName)).click();
  await byRole(reloaded, 'dialog', mlIntern.title);
  // Waited for, not read at once: the popover renders before its settings have loaded.
  await untilQuoted(page, WITHOUT_CREATOR);

  await options.bringToFront();
  await creator.click();
  await untilQuoted(page, REVIEWERS);
});
