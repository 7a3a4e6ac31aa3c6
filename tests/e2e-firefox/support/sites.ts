import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { githubPage, type PageOptions } from '../../e2e/support/sites';

/**
 * A tab that sees github.com as the Chromium suite's fixtures mirror it, and nothing else of the
 * network: no test may depend on it, and this machine has none. The extension's own files and
 * inline data (the fixtures' fonts) are not network; loopback is kept for a local feed server.
 */
export async function openSiteTab(browser: Browser, opts: PageOptions = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => void answer(request, opts));
  return page;
}

function answer(request: HTTPRequest, opts: PageOptions): Promise<void> {
  const url = new URL(request.url());
  if (url.hostname === 'github.com' && request.isNavigationRequest())
    return request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: githubPage(url, opts),
    });
  if (
    url.protocol === 'moz-extension:' ||
    url.protocol === 'data:' ||
    url.hostname === '127.0.0.1' ||
    url.hostname === 'localhost'
  )
    return request.continue();
  return request.abort('blockedbyclient');
}
