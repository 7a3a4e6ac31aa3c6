import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ANCHOR_CHAINS, findAnchor, hasKnownHeader } from '../../../lib/content/anchor';
import { detect } from '../../../lib/detect';
import { githubPage, huggingfacePage, type PageOptions } from '../../e2e/support/sites';

/**
 * The placement audit: every fixture of the sites' real markup, and where the badge must land on
 * it, the way Refined GitHub pairs each selector with the pages it must match. `inline` rows
 * name the anchor of the chain that must win and the element the badge goes after; `floating`
 * rows are pages without an anchor, and say whether the badge waits for a header first.
 */
type Expectation =
  | { inline: true; anchor: string; after: string; ready?: false }
  | { inline: false; anchor: 'floating'; waits: boolean };

interface Row {
  name: string;
  url: string;
  html: string;
  expect: Expectation;
}

function parse(html: string, url: string): Document {
  // linkedom takes the base URL from <base>; a browser takes it from the page's address.
  const withBase = html.replace(/<head>/i, `<head><base href="${url}">`);
  return parseHTML(withBase).document as unknown as Document;
}

const CLASSIC = {
  inline: true as const,
  anchor: 'github-classic-title',
  after: 'strong[itemprop="name"]',
};
const GLOBAL_NAV = {
  inline: true as const,
  anchor: 'github-global-nav',
  after: 'header[role="banner"] [data-testid="top-nav-center"] > nav[aria-label="Breadcrumbs"]',
};
const HF_TITLE = {
  inline: true as const,
  anchor: 'huggingface-repo-header',
  after: 'main header h1 a.font-mono',
};

const REPO_PAGES = [
  'https://github.com/huggingface/ml-intern',
  'https://github.com/huggingface/ml-intern/issues/12',
  'https://github.com/huggingface/ml-intern/pull/3',
  'https://github.com/huggingface/ml-intern/blob/main/README.md',
  'https://github.com/huggingface/ml-intern/tree/main/agent',
  'https://github.com/HuggingFace/ML-Intern',
];

const github = (url: string, opts: PageOptions, expect: Expectation, label = ''): Row => ({
  name: `GitHub ${opts.layout ?? 'classic'} ${label}${new URL(url).pathname}`,
  url,
  html: githubPage(new URL(url), opts),
  expect,
});

/** The 2023–2025 repo-home variant (#repo-title-component), from the classic fixture. */
const repoTitleComponent = (url: string): string =>
  githubPage(new URL(url)).replace(
    /<strong itemprop="name"[^>]*>([\s\S]*?)<\/strong>/,
    '<div id="repo-title-component" class="d-flex flex-items-center"><strong class="mr-1">$1</strong></div>',
  );

const ROWS: Row[] = [
  ...REPO_PAGES.flatMap((url) => [
    github(url, {}, CLASSIC),
    github(url, { colorMode: 'dark' }, CLASSIC, 'dark '),
    github(url, { layout: 'global-nav' }, GLOBAL_NAV),
    github(url, { layout: 'global-nav', colorMode: 'dark' }, GLOBAL_NAV, 'dark '),
  ]),
  github(REPO_PAGES[0]!, { layout: 'global-nav', crumbs: 'picker' }, GLOBAL_NAV, 'repo picker '),
  github(REPO_PAGES[0]!, { layout: 'global-nav', crumbs: 'overflow' }, GLOBAL_NAV, 'overflow '),
  github(REPO_PAGES[0]!, { layout: 'global-nav', absoluteHrefs: true }, GLOBAL_NAV, 'absolute '),
  github(
    REPO_PAGES[0]!,
    { layout: 'global-nav', hydrated: false },
    { ...GLOBAL_NAV, ready: false },
    'before hydration ',
  ),
  {
    name: 'GitHub #repo-title-component',
    url: REPO_PAGES[0]!,
    html: repoTitleComponent(REPO_PAGES[0]!),
    expect: {
      inline: true,
      anchor: 'github-repo-title-component',
      after: '#repo-title-component > strong',
    },
  },
  {
    // A soft navigation in flight: the URL is the new repo's, the header still the old one's.
    name: 'GitHub global-nav, the previous repo still in the crumbs',
    url: 'https://github.com/huggingface/ml-intern',
    html: githubPage(new URL('https://github.com/huggingface/transformers'), {
      layout: 'global-nav',
    }),
    expect: { inline: false, anchor: 'floating', waits: true },
  },
  {
    // A comment that imitates the header and names the page's repo: user content never counts.
    name: 'GitHub global-nav, a comment imitating the header of this repo',
    url: 'https://github.com/huggingface/ml-intern',
    html: githubPage(new URL('https://github.com/huggingface/transformers'), {
      layout: 'global-nav',
    }).replaceAll('/impostor/fake-repo', '/huggingface/ml-intern'),
    expect: { inline: false, anchor: 'floating', waits: true },
  },
  {
    name: 'GitHub classic, the previous repo still in the header',
    url: 'https://github.com/huggingface/ml-intern',
    html: githubPage(new URL('https://github.com/huggingface/transformers')),
    expect: { inline: false, anchor: 'floating', waits: true },
  },
  {
    name: 'GitHub redesigned: no header we know',
    url: 'https://github.com/huggingface/ml-intern/redesigned',
    html: '<!doctype html><html><head></head><body><main><h1>ml-intern</h1><a href="/huggingface/ml-intern">ml-intern</a></main></body></html>',
    expect: { inline: false, anchor: 'floating', waits: false },
  },
  ...[
    'https://huggingface.co/huggingface/ml-intern',
    'https://huggingface.co/huggingface/ml-intern/tree/main',
    'https://huggingface.co/datasets/huggingface/ml-intern-traces',
    'https://huggingface.co/spaces/HuggingFace/ML-Intern/discussions',
  ].flatMap((url) =>
    [false, true].map((dark): Row => ({
      name: `Hugging Face ${dark ? 'dark ' : ''}${new URL(url).pathname}`,
      url,
      html: huggingfacePage(new URL(url), { dark }),
      expect: HF_TITLE,
    })),
  ),
];

describe('placement audit', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const doc = parse(row.html, row.url);
    const detection = detect(row.url);
    expect(detection, row.url).not.toBeNull();
    const anchor = findAnchor(doc, detection!);
    if (!row.expect.inline) {
      expect(anchor).toBeNull();
      expect(hasKnownHeader(doc, detection!.site)).toBe(row.expect.waits);
      return;
    }
    expect(anchor?.rule.name).toBe(row.expect.anchor);
    expect(anchor?.after.matches(row.expect.after), row.expect.after).toBe(true);
    expect(anchor?.ready).toBe(row.expect.ready ?? true);
    // Never inside what users write (README, comments, model cards).
    expect(anchor?.link.closest('.markdown-body, article, .model-card-content')).toBeNull();
  });

  it('has a fixture for every anchor of every chain', () => {
    const audited = new Set(ROWS.map((row) => row.expect.anchor));
    for (const rule of Object.values(ANCHOR_CHAINS).flat()) expect(audited).toContain(rule.name);
  });

  it('marks only the global navigation compact', () => {
    const compact = Object.values(ANCHOR_CHAINS)
      .flat()
      .filter((rule) => rule.compact)
      .map((rule) => rule.name);
    expect(compact).toEqual(['github-global-nav']);
  });
});
