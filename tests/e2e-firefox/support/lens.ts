import type { ElementHandle, Page } from 'puppeteer-core';

/** Waits until the content script has decided for this URL (the e2e build marks the page). */
export async function settled(page: Page, url: string): Promise<'badge' | 'none'> {
  // Mutation polling: the mark is an attribute, and observers run in a background tab too.
  const handle = await page.waitForFunction(
    (want: string) => {
      const mark = document.documentElement.dataset.verdictLens ?? '';
      const space = mark.indexOf(' ');
      return space > 0 && mark.slice(space + 1) === want ? mark.slice(0, space) : null;
    },
    { polling: 'mutation' },
    url,
  );
  return (await handle.jsonValue()) as 'badge' | 'none';
}

/** Opens `url` and waits until the content script has decided for it. */
export async function visit(page: Page, url: string): Promise<'badge' | 'none'> {
  await page.goto(url);
  return settled(page, url);
}

export const badgeHostCount = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[data-verdict-lens-host="badge"]').length);

/**
 * The badge's shadow root. Firefox's accessibility locator (`::-p-aria`) walks children only, not
 * into shadow roots, so queries by role and name start here.
 */
export async function badgeRoot(page: Page): Promise<ElementHandle<Node>> {
  const host = await page.waitForSelector('[data-verdict-lens-host="badge"]');
  if (!host) throw new Error('no badge host');
  return (await host.evaluateHandle((h) => h.shadowRoot!)) as ElementHandle<Node>;
}

/** An element by the role and accessible name Firefox computes for it, once it exists. */
export async function byRole(
  root: ElementHandle<Node> | Page,
  role: string,
  name: string,
): Promise<ElementHandle<Element>> {
  const handle = await root.waitForSelector(
    `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`,
  );
  if (!handle) throw new Error(`no ${role} named ${name}`);
  return handle as ElementHandle<Element>;
}

/** The reviewer ids whose quotes an open popover shows, in order. */
export const quotedReviewers = (dialog: ElementHandle<Element>) =>
  dialog.evaluate((d) =>
    [...d.querySelectorAll('[data-reviewer]')].map((q) => q.getAttribute('data-reviewer')),
  );
