import type { Detection } from '../detect/types';

/**
 * Where the badge goes: for each site an ordered chain of anchors, tried in turn; the first whose
 * link names the detected repository wins, and without one the badge floats. Each anchor is
 * paired with the fixtures it must match in tests/unit/content/placement-audit.test.ts (the way
 * Refined GitHub pairs selectors with URLs), so one that stops matching fails the suite.
 *
 * A link counts only when its path is the repository's own: during a client-side navigation
 * the old header is still on screen after the URL changed, and README links, comment copies of
 * the header or "forked from" links must never carry the badge.
 */
export interface AnchorRule {
  /** Named in the placement audit and on the host (`data-anchor`). */
  name: string;
  /** Links that may name the repository. */
  links: string;
  /** The element the badge goes right after. */
  placeAfter(link: Element): Element;
  /** False while the site has not taken over this part of the page yet (React hydration). */
  ready(link: Element): boolean;
  /** A compact badge for a top bar. */
  compact: boolean;
}

/** Where user content lives: nothing there is the site's own header. */
const USER_CONTENT = '.markdown-body, .comment-body, .model-card-content, .prose, article';

const always = () => true;

const GITHUB: readonly AnchorRule[] = [
  {
    // The React global navigation (2026): owner › repo breadcrumbs in the top bar. After the
    // whole breadcrumbs nav, outside the list Primer measures for its overflow menu.
    name: 'github-global-nav',
    links:
      'header[role="banner"] [data-testid="top-nav-center"] nav[aria-label="Breadcrumbs"] > ol > li:last-child a[href]',
    placeAfter: (link) => link.closest('nav') ?? link,
    // Inserting into the island before React hydrates it makes React throw the server markup
    // away (and GitHub's search box with it); `loaded` marks a hydrated partial.
    ready: (link) => {
      const partial = link.closest('react-partial');
      return partial === null || partial.classList.contains('loaded');
    },
    compact: true,
  },
  {
    // The classic repository header (logged-out pages, older layouts).
    name: 'github-classic-title',
    links:
      '#repository-container-header:not([hidden]) strong[itemprop="name"] > a[href], strong[itemprop="name"] > a[href]',
    // After the <strong>, which keeps the header's flex layout intact.
    placeAfter: (link) => link.parentElement ?? link,
    ready: always,
    compact: false,
  },
  {
    // A repo-home variant of 2023–2025 (third-party fixtures only; kept as the last resort).
    name: 'github-repo-title-component',
    links: '#repo-title-component a[href]',
    placeAfter: (link) => (link.parentElement?.matches('strong') ? link.parentElement : link),
    ready: always,
    compact: false,
  },
];

const HUGGINGFACE: readonly AnchorRule[] = [
  {
    // The repository header's title link; a model card's own headings (`h1 a[href="#slug"]`,
    // which resolve to the page's own path) are in the card, never in this header.
    name: 'huggingface-repo-header',
    links:
      '[data-target="ModelHeader"] h1 a[href], [data-target="DatasetHeader"] h1 a[href], [data-target="SpaceHeader"] h1 a[href], main header h1 a[href]',
    placeAfter: (link) => link,
    ready: always,
    compact: false,
  },
];

export const ANCHOR_CHAINS: Readonly<Record<Detection['site'], readonly AnchorRule[]>> = {
  github: GITHUB,
  huggingface: HUGGINGFACE,
  product: [],
};

/**
 * Whether the page has a header of a layout we know at all. Where it has none (a redesign, a
 * page type without one) the badge floats at once; where it has one that does not name the repo
 * yet (a soft navigation in flight), the badge waits a moment for it.
 */
const KNOWN_HEADERS: Readonly<Record<Detection['site'], string | null>> = {
  github:
    'react-partial[partial-name="global-nav-bar"], header.GlobalNav, #repository-container-header:not([hidden]), #repo-title-component',
  huggingface: '[data-target$="Header"] h1, main header h1',
  product: null,
};

export function hasKnownHeader(doc: Document, site: Detection['site']): boolean {
  const selector = KNOWN_HEADERS[site];
  return selector !== null && doc.querySelector(selector) !== null;
}

function pathOf(link: Element, base: string): string | null {
  const href = link.getAttribute('href');
  // A fragment link points into the page itself, whatever path it resolves to.
  if (!href || href.startsWith('#')) return null;
  try {
    return new URL(href, base).pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return null;
  }
}

export function expectedPath(detection: Detection): string | null {
  const key = detection.keys[0];
  if (detection.site === 'product' || !key) return null;
  // Keys are `github:owner/repo` or `hf:[datasets/|spaces/|kernels/]org/name`: the path after
  // the prefix.
  return `/${key.slice(key.indexOf(':') + 1)}`;
}

export interface Anchor {
  rule: AnchorRule;
  link: Element;
  /** The badge goes right after this element. */
  after: Element;
  ready: boolean;
}

/** The first anchor of the site's chain that names the detected repository, or null. */
export function findAnchor(doc: Document, detection: Detection): Anchor | null {
  const want = expectedPath(detection);
  if (!want) return null;
  for (const rule of ANCHOR_CHAINS[detection.site]) {
    for (const link of doc.querySelectorAll(rule.links)) {
      if (link.closest(USER_CONTENT) || pathOf(link, doc.baseURI) !== want) continue;
      return { rule, link, after: rule.placeAfter(link), ready: rule.ready(link) };
    }
  }
  return null;
}
