import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath, loadExtensionFlags } from './support/chromium';
import { serveSites } from './support/sites';
import { bundledFeed } from './support/test-feeds';

// The shipped build (`npm run build`, .output/chrome-mv3), not the e2e build: what a page can
// reach of the badge where the shadow root is closed. Locators cannot see inside a closed root,
// so the test reads it through the DevTools protocol, as no page can.

const SHIPPED = resolve('.output/chrome-mv3');
const REPO = 'https://github.com/huggingface/ml-intern';
const mlIntern = bundledFeed().verdicts.find((v) => v.toolId === 'ml-intern')!;
const QUOTE = mlIntern.reviews[0]!.quote.slice(0, 40);

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** Every text inside closed shadow roots of the page, as DevTools sees them. */
async function closedRootText(context: BrowserContext, page: Page): Promise<string> {
  const cdp = await context.newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  await cdp.detach();
  const texts: string[] = [];
  const walk = (node: DomNode, inClosed: boolean) => {
    if (inClosed && node.nodeName === '#text') texts.push(node.nodeValue ?? '');
    for (const child of node.children ?? []) walk(child, inClosed);
    for (const shadow of node.shadowRoots ?? [])
      walk(shadow, inClosed || shadow.shadowRootType === 'closed');
  };
  walk(root, false);
  return texts.join(' ');
}

let context: BrowserContext;
let profile: string;

test.beforeEach(async () => {
  if (!existsSync(join(SHIPPED, 'manifest.json')))
    throw new Error(`${SHIPPED} is missing: run npm run build`);
  profile = mkdtempSync(join(tmpdir(), 'verdict-lens-shipped-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...loadExtensionFlags(SHIPPED), ...CHROMIUM_FLAGS],
  });
  await serveSites(context);
});

test.afterEach(async () => {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('in the shipped build the badge’s root is closed: the page sees a span, the user sees the verdict', async () => {
  const page = await context.newPage();
  await page.bringToFront();
  await page.goto(REPO);
  // The shipped build marks nothing: the host is found by the placement it carries.
  const host = page.locator('span[data-placement]');
  await expect(host).toHaveCount(1, { timeout: 15_000 });
  const seen = await page.evaluate(() => {
    const h = document.querySelector('span[data-placement]') as HTMLElement;
    let ownRoot = 'attached';
    try {
      h.attachShadow({ mode: 'open' });
    } catch (error) {
      ownRoot = (error as Error).name;
    }
    return { root: h.shadowRoot, text: h.textContent, ownRoot };
  });
  // No shadowRoot to read, no text in the light DOM, and the page cannot take the host over.
  expect(seen).toEqual({ root: null, text: '', ownRoot: 'NotSupportedError' });

  // The user's own click opens the popover inside the closed root.
  const box = (await host.boundingBox())!;
  expect(box.width).toBeGreaterThan(20);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => closedRootText(context, page), { timeout: 15_000 }).toContain(QUOTE);
  // …and the page cannot read it: not in the DOM it can query, not in the text it can read.
  const readable = await page.evaluate(
    (quote) => ({
      dialogs: document.querySelectorAll('[role="dialog"]').length,
      inText: document.body.innerText.includes(quote),
      inHtml: new XMLSerializer().serializeToString(document).includes(quote),
    }),
    QUOTE,
  );
  expect(readable).toEqual({ dialogs: 0, inText: false, inHtml: false });
});

/**
 * The isolated worlds Verdict Lens opened in the page (each script of ours runs in one), as
 * DevTools reports them: Chrome names an extension's world after the extension.
 */
async function ourWorlds(page: Page, go: () => Promise<unknown>): Promise<() => number> {
  const cdp = await context.newCDPSession(page);
  let worlds = 0;
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    const aux = c.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && c.name === 'Verdict Lens') worlds++;
  });
  await cdp.send('Runtime.enable');
  await go();
  return () => worlds;
}

test('in the shipped build a GitHub page the dataset does not rate runs no script of ours', async () => {
  const page = await context.newPage();
  // A rated page first: the worker is awake and has answered, so the unrated page is no race.
  const rated = await ourWorlds(page, () => page.goto(REPO));
  await expect(page.locator('span[data-placement]')).toHaveCount(1, { timeout: 15_000 });
  expect(rated()).toBeGreaterThan(0);
  const unrated = await context.newPage();
  const worlds = await ourWorlds(unrated, async () => {
    await unrated.goto('https://github.com/synthetic-unrated/not-in-the-dataset');
    await unrated.waitForLoadState('load');
  });
  // A negative: what the worker runs comes within a round trip of the navigation's events (the
  // rated page's lens above was in well before its load), so a quiet half second after load
  // is ample to see one arrive.
  await unrated.waitForTimeout(500);
  expect(worlds()).toBe(0);
});
