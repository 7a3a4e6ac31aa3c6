import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from '@playwright/test';
import { detect } from '../../../lib/detect';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => escapeHtml(values[key] ?? ''));
}

/** The two GitHub layouts of 2026: the classic repository header, the React global navigation. */
export type GithubLayout = 'classic' | 'global-nav';
export const GITHUB_LAYOUTS: readonly GithubLayout[] = ['classic', 'global-nav'];

export interface PageOptions {
  colorMode?: 'light' | 'dark' | 'auto';
  layout?: GithubLayout;
  /** Global navigation only: which capture's crumb list (see fixtures/github-2026-crumbs). */
  crumbs?: 'span' | 'picker' | 'overflow';
  /** Global navigation only: false while React has not hydrated the header yet. */
  hydrated?: boolean;
  /** Absolute `https://github.com/…` hrefs, as some saved pages have them. */
  absoluteHrefs?: boolean;
}

const MAIN = /<main id="js-repo-pjax-container">[\s\S]*<\/main>/;

/** GitHub's React global navigation (2026): the repo crumb in the top bar, the old header hidden. */
function globalNavPage(url: URL, opts: PageOptions): string {
  const found = detect(url);
  const [, owner = '', repo = ''] = url.pathname.split('/');
  const isRepo = found?.site === 'github';
  const origin = opts.absoluteHrefs ? 'https://github.com' : '';
  // Off a repository the crumbs hold the owner alone (an org or user page) or nothing.
  const crumbs = isRepo
    ? fill(fixture(`github-2026-crumbs/${opts.crumbs ?? 'span'}.html`), {
        owner,
        repo: repo.replace(/\.git$/, ''),
        ownerHref: `${origin}/${owner}`,
        repoHref: `${origin}/${owner}/${repo.replace(/\.git$/, '')}`,
      })
    : `<ol class="prc-Breadcrumbs-BreadcrumbsList-BKjpe">${
        owner && !url.search
          ? `<li class="prc-Breadcrumbs-ItemWrapper-k0NLn"><a class="prc-Breadcrumbs-Item-jcraJ" href="/${escapeHtml(owner)}">${escapeHtml(owner)}</a></li>`
          : ''
      }</ol>`;
  let page = fixture('github-2026-repo.html').replace('<!--CRUMB-LIST-->', crumbs);
  if (!isRepo) page = page.replace(MAIN, '<main><p>{{content}}</p></main>');
  return fill(page, {
    owner,
    repo: repo.replace(/\.git$/, ''),
    colorMode: opts.colorMode ?? 'light',
    partialClass: opts.hydrated === false ? '' : 'loaded',
    content: `Fixture for ${url.pathname}`,
  });
}

/**
 * GitHub as the fixtures mirror it: a repo page (the real repo-header markup of the layout asked
 * for) for repo URLs, a plain page for everything else. The name is taken from the URL as
 * typed, like GitHub's own canonical casing would be.
 */
export function githubPage(url: URL, opts: PageOptions = {}): string {
  if (opts.layout === 'global-nav') return globalNavPage(url, opts);
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
