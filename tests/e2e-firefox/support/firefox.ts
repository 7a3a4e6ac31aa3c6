import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, type Browser, type Page } from 'puppeteer-core';
import type { Reply, ResponseMap } from '../../../lib/messaging/protocol';

/** Built by `npm run build:e2e:firefox`: the Firefox build plus the e2e page markers. */
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/firefox-mv3-e2e');
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const GECKO_ID = 'verdict-lens@verdict-lens.dev';
/** A first start takes under 2 s here; far longer means it is stuck, and the error says where. */
const INSTALL_TIMEOUT_MS = 20_000;

/** The same resolution as scripts/ensure-firefox.mjs, which `npm run test:e2e:firefox` runs first. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(
      `No Firefox at ${path}: run \`node scripts/ensure-firefox.mjs\` or set FIREFOX_PATH.`,
    );
  return path;
}

export interface Firefox {
  browser: Browser;
  /** The options page, open from the start: the install is finished once it answers. */
  options: Page;
  /** Opens one of the extension's pages (options.html …) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Firefox ESR with the extension installed as a temporary add-on (what about:debugging does),
 * driven over WebDriver BiDi: no geckodriver, and a fresh profile puppeteer deletes on close.
 */
export async function launchFirefox(): Promise<Firefox> {
  // Firefox picks a random moz-extension UUID per profile; one preset in the pref it keeps them
  // in is used as is, so the test knows the extension's origin before it installs.
  const uuid = randomUUID();
  const browser = await launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Without it, WebDriver BiDi refuses to navigate to moz-extension:// pages and cannot script
    // them (Firefox treats them as privileged), so the options page would be out of reach.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  try {
    const id = await browser.installExtension(EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${uuid}`;
  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await navigateToExtension(page, `${origin}/${path}`);
    // The preset UUID was honoured only if this page is the extension's own.
    const runtimeId = await page.evaluate(
      () => (globalThis as unknown as Partial<ExtensionGlobal>).browser?.runtime.id,
    );
    if (runtimeId !== GECKO_ID) throw new Error(`${origin}/${path} is not ${GECKO_ID}'s page`);
    return page;
  };
  try {
    const options = await openExtensionPage('options.html');
    await waitUntilInstalled(options);
    return { browser, options, openExtensionPage, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * The first start installs the bundled dataset and registers the product-site script; a test
 * that visits a page before that would race the install, not test it. Until the background has
 * started, messages to it fail: those count as "not yet".
 */
async function waitUntilInstalled(options: Page): Promise<void> {
  const installState = async () => {
    const { runtime } = (globalThis as unknown as ExtensionGlobal).browser;
    try {
      const [status, sites] = (await Promise.all([
        runtime.sendMessage({ type: 'getStatus' }),
        runtime.sendMessage({ type: 'getProductSites' }),
      ])) as [Reply<ResponseMap['getStatus']>, Reply<ResponseMap['getProductSites']>];
      return {
        dataset: status.ok && status.data.meta !== null,
        productSites: sites.ok && sites.data.active.length > 0,
      };
    } catch (error) {
      return { background: String(error) };
    }
  };
  try {
    // One page function for the wait and the message: waitForFunction takes it as source.
    await options.waitForFunction(`(${installState})().then((s) => s.dataset && s.productSites)`, {
      polling: 100,
      timeout: INSTALL_TIMEOUT_MS,
    });
  } catch (error) {
    const last = await options.evaluate(installState).catch(String);
    throw new Error(`the install did not finish: ${JSON.stringify(last)}`, { cause: error });
  }
}

interface ExtensionGlobal {
  browser: { runtime: { id: string; sendMessage(message: unknown): Promise<unknown> } };
}

interface BidiNavigable {
  browsingContext: {
    navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void>;
  };
}

/**
 * `page.goto()` waits for a navigation event that Firefox's BiDi never sends for moz-extension
 * pages, so it times out although the page loads. The frame's BiDi browsing context navigates
 * and waits for the load itself (puppeteer-core's own object, not in its typings).
 */
async function navigateToExtension(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as BidiNavigable).browsingContext.navigate(url, 'complete');
}
