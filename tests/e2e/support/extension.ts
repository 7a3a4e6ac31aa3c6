import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  test as base,
  chromium,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath, loadExtensionFlags, serviceWorkerOf } from './chromium';
import { ExtensionRpc } from './rpc';
import { serveSites } from './sites';

/** Built by `npm run build:e2e` (the production build plus the page marker the tests wait for). */
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3-e2e');

/**
 * `lang`: the browser's language (its UI, Accept-Language and JavaScript's default locale), as a
 * user's profile in that language would have it: headless Chromium takes it from `--lang` and
 * the LANGUAGE environment variable.
 */
export async function launchWithExtension(lang?: string): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'verdict-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...loadExtensionFlags(EXTENSION_DIR), ...CHROMIUM_FLAGS],
    // LANGUAGE sets the browser's own language (chrome.i18n, the extension's catalogue); Playwright
    // otherwise emulates en-US in every page, so its locale says the same.
    ...(lang ? { env: { ...process.env, LANGUAGE: lang }, locale: lang } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface Fixtures {
  /** The browser's language (test.use({ lang: 'de' })); unset, Chromium's default. */
  lang: string | undefined;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export const test = base.extend<Fixtures>({
  lang: [undefined, { option: true }],
  context: async ({ lang }, use) => {
    const { context, close } = await launchWithExtension(lang);
    await serveSites(context);
    await use(context);
    await close();
  },
  serviceWorker: async ({ context }, use) => use(await serviceWorkerOf(context)),
  // Every test starts from a finished install, whatever fixtures it asks for.
  extensionId: async ({ context, serviceWorker }, use) => {
    const id = new URL(serviceWorker.url()).host;
    await waitUntilInstalled(context, id);
    await use(id);
  },
  // The first install opens the welcome tab in front; a test page left behind it is a background
  // tab, whose frames and timers Chromium throttles to about one a second. Tests that are about
  // the welcome page ask for `context`, not `page`.
  page: async ({ context, extensionId }, use) => {
    const welcome = `chrome-extension://${extensionId}/welcome.html`;
    await expect.poll(() => context.pages().some((p) => p.url() === welcome)).toBe(true);
    await Promise.all(
      context
        .pages()
        .filter((p) => p.url() === welcome)
        .map((p) => p.close()),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    await page.bringToFront();
    await use(page);
  },
});

/**
 * The first run installs the bundled dataset and registers the product-site script in the
 * background; a test that visits a page before that would race the install, not test it.
 */
export async function waitUntilInstalled(
  context: BrowserContext,
  extensionId: string,
): Promise<void> {
  const rpc = await ExtensionRpc.open(context, extensionId);
  await expect
    .poll(async () => {
      const [status, sites] = await Promise.all([
        rpc.send({ type: 'getStatus' }),
        rpc.send({ type: 'getProductSites' }),
      ]);
      return status.meta !== null && sites.active.length > 0;
    })
    .toBe(true);
  await rpc.close();
}

/**
 * Waits until the e2e build's page mark `key` ("<what> <url>" on the root's dataset) names `url`,
 * and returns what it says. A string: "0" (no chips) is an answer too, and waitForFunction waits
 * for a truthy one.
 */
export async function pageMark(
  page: Page,
  key: 'verdictLens' | 'verdictLensChips',
  url: string,
): Promise<string> {
  const handle = await page.waitForFunction(
    ([k, want]) => {
      const mark = document.documentElement.dataset[k] ?? '';
      const space = mark.indexOf(' ');
      return space > 0 && mark.slice(space + 1) === want ? mark.slice(0, space) : null;
    },
    [key, url] as const,
  );
  return (await handle.jsonValue()) as string;
}

/**
 * Waits until the extension has decided for this URL: the e2e build marks the page, from the lens
 * where one runs, from the worker where it ran none (an unrated page gets no script of ours).
 */
export async function settled(page: Page, url: string): Promise<'badge' | 'none'> {
  return (await pageMark(page, 'verdictLens', url)) as 'badge' | 'none';
}

/** Opens `url` and waits until the content script has decided for it. */
export async function visit(page: Page, url: string): Promise<'badge' | 'none'> {
  await page.goto(url);
  return settled(page, url);
}

/** Badge buttons, named "ml-intern: 75% ship …" in any language (not the popover's buttons). */
export const badges = (page: Page) =>
  page.locator('[data-verdict-lens-host="badge"]').getByRole('button', { name: /: \d{1,3}% / });

export { expect };
