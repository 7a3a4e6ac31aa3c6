import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from '@playwright/test';
import { detect } from '../../../lib/detect';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => escape(values[key] ?? ''));
}

export interface PageOptions {
  colorMode?: 'light' | 'dark' | 'auto';
}

/**
 * GitHub as the fixtures mirror it: a repo page (the real repo-header markup) for repo URLs, a
 * plain page for everything else. The name is taken from the URL as typed, like GitHub's own
 * canonical casing would be.
 */
export function githubPage(url: URL, opts: PageOptions = {}): string {
  const found = detect(url);
  if (found?.site === 'github') {
    const [, owner = '', repo = ''] = url.pathname.split('/');
    return fill(fixture('github-repo.html'), {
      owner,
      repo: repo.replace(/\.git$/, ''),
      colorMode: opts.colorMode ?? 'light',
      content: `Fixture for ${url.pathname}`,
    });
  }
  return fill(fixture('github-other.html'), { title: url.pathname, content: `Fixture for ${url.href}` });
}

export type PageFactory = (url: URL) => string;

/**
 * Serves the sites from fixtures and refuses everything else, so no test depends on the network.
 * Loopback stays reachable for the test's own feed server.
 */
export async function serveSites(context: BrowserContext, pages: Partial<Record<string, PageFactory>> = {}) {
  const factories: Record<string, PageFactory> = { 'github.com': (u) => githubPage(u), ...pages } as Record<
    string,
    PageFactory
  >;
  await context.route(/^https?:\/\//, async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    const factory = factories[url.hostname.replace(/^www\./, '')];
    if (!factory || route.request().resourceType() !== 'document') return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: factory(url) });
  });
}
