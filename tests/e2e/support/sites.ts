import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from '@playwright/test';
import { detect } from '../../../lib/detect';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

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
  return fill(fixture('github-other.html'), {
    title: url.pathname,
    content: `Fixture for ${url.href}`,
  });
}

const HF_KIND = { model: 'Models', dataset: 'Datasets', space: 'Spaces' } as const;

/** Hugging Face as the fixtures mirror it: the repo header of models, datasets and spaces. */
export function huggingfacePage(url: URL, opts: { dark?: boolean } = {}): string {
  const found = detect(url);
  if (found?.site !== 'huggingface') {
    return fill(fixture('huggingface-other.html'), {
      title: url.pathname,
      content: `Fixture for ${url.href}`,
    });
  }
  const parts = url.pathname.split('/').filter(Boolean);
  const typed =
    parts[0] === 'datasets' || parts[0] === 'spaces' ? parts.slice(0, 3) : parts.slice(0, 2);
  const kind = parts[0] === 'datasets' ? 'dataset' : parts[0] === 'spaces' ? 'space' : 'model';
  const [org = '', name = ''] = kind === 'model' ? typed : typed.slice(1);
  return fill(fixture('huggingface-repo.html'), {
    htmlClass: opts.dark ? 'dark' : '',
    repoPath: typed.join('/'),
    org,
    name,
    kind: HF_KIND[kind],
    kindLower: kind,
    listing: kind === 'model' ? 'models' : `${kind}s`,
    hydrater:
      kind === 'space' ? 'SpaceHeader' : kind === 'dataset' ? 'DatasetHeader' : 'ModelHeader',
    content: `Fixture for ${url.pathname}`,
  });
}

/** A product's own site: no header we know, so the badge floats in a corner. */
export function productPage(url: URL): string {
  return fill(fixture('product.html'), { host: url.hostname, content: `Fixture for ${url.href}` });
}

export type PageFactory = (url: URL) => string;

/**
 * Serves the sites from fixtures and refuses everything else, so no test depends on the network.
 * Loopback stays reachable for the test's own feed server.
 */
export async function serveSites(
  context: BrowserContext,
  pages: Partial<Record<string, PageFactory>> = {},
) {
  const factories = {
    'github.com': (u: URL) => githubPage(u),
    'huggingface.co': (u: URL) => huggingfacePage(u),
    'cursor.com': productPage,
    'docs.cursor.com': productPage,
    ...pages,
  } as Record<string, PageFactory>;
  await context.route(/^https?:\/\//, async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    const factory = factories[url.hostname.replace(/^www\./, '')];
    if (!factory || route.request().resourceType() !== 'document')
      return route.abort('blockedbyclient');
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: factory(url),
    });
  });
}
