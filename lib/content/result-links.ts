import { detectorFor } from '../detect';
import type { Detection } from '../detect/types';
import type { ListPage } from '../detect/lists';

/**
 * The results on a list page: links whose target is exactly a repository's (or model's,
 * dataset's, space's) own page and that are a result's title, found by where they sit and what
 * they say, never by class names, which GitHub and Hugging Face hash and change.
 * Never navigation, footers, sidebars, README or card text, "forked from" or owner links.
 */
const NOT_RESULTS =
  'nav, footer, aside, header[role="banner"], [role="navigation"], .markdown-body, .prose, .comment-body';

export interface ResultLink {
  link: HTMLAnchorElement;
  /** The page the result points at, as a lookup takes it (origin and path). */
  url: string;
  detection: Detection;
}

const squash = (text: string | null | undefined) => (text ?? '').toLowerCase().replace(/\s+/g, '');

/**
 * The shape of a result's href, checked on the string before anything is parsed: a list page
 * holds hundreds of links (stars, topics, owners), and most are ruled out here. Two path segments,
 * or three for Hugging Face's `datasets/`, `spaces/` and `kernels/`; relative or on the site.
 */
export const RESULT_HREF =
  /^(?:https:\/\/(?:www\.)?(?:github\.com|huggingface\.co))?\/[^/?#]+\/[^/?#]+(?:\/[^/?#]+)?\/?(?:[?#]|$)/i;

/**
 * The page a result link points at, as lookups take it and as the worker keys the badges it hands
 * to the list script (lib/background/list-scan.ts): origin and path, no trailing slash, no query
 * (a filtered Hugging Face listing links cards absolutely, with its query: the page is the same).
 */
export const resultPageOf = (url: URL): string => `${url.origin}${url.pathname.replace(/\/$/, '')}`;

/** The target's path is the repository's own, nothing below it. */
function repoTarget(href: string, base: string, site: ListPage['site']) {
  if (!RESULT_HREF.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const page = resultPageOf(url);
  const detection = detectorFor(site).detect(new URL(page));
  if (!detection) return null;
  const path = url.pathname.replace(/\/$/, '').toLowerCase();
  const expected = `/${detection.keys[0]!.slice(detection.keys[0]!.indexOf(':') + 1)}`;
  if (path !== expected) return null;
  return { url: page, detection };
}

/** GitHub: the link is a result's heading and names the repository ("owner/repo" or "repo"). */
function namesGithubRepo(link: HTMLAnchorElement, label: string): boolean {
  const heading = link.closest('h1, h2, h3, h4');
  if (!heading) return false;
  const repo = label.slice(label.indexOf('/') + 1);
  const text = squash(link.textContent);
  return text === label || text === repo || squash(heading.textContent) === label;
}

/** Hugging Face: a card's link, titled with its name (models and datasets) or a heading (spaces). */
function namesHuggingfaceRepo(link: HTMLAnchorElement, label: string): boolean {
  const name = label.replace(/^(?:datasets|spaces|kernels)\//, '');
  const titled = link.querySelector('header[title]')?.getAttribute('title');
  if (titled) return squash(titled) === name;
  if (link.closest('h1, h2, h3, h4')) return squash(link.textContent).includes(name.split('/')[1]!);
  // Space cards show a display title, not the path: the card's own heading is its title.
  return link.closest('article') !== null && link.querySelector('h3, h4') !== null;
}

/**
 * What was decided for each link, by its href when decided: a list is rescanned whenever the page
 * adds results, and only links that are new or now point elsewhere are looked at again.
 */
export type ResultMemo = WeakMap<HTMLAnchorElement, { href: string; result: ResultLink | null }>;

/**
 * Where result titles can be, as one selector the browser matches natively: in a heading
 * (GitHub's results, Hugging Face's collections and spaces) or in a card (Hugging Face's model
 * and dataset cards). A list page has hundreds of other links (stars, topics, owners, filters);
 * checking each of them in script cost a 100-result page 4 ms.
 */
const CANDIDATES: Record<ListPage['site'], string> = {
  github: 'h1 a[href], h2 a[href], h3 a[href], h4 a[href]',
  huggingface: 'h1 a[href], h2 a[href], h3 a[href], h4 a[href], article a[href]',
};

/**
 * The links the worker's list probe returns (lib/content/list-probe.ts), by list page: where each
 * keeps its result titles. GitHub's trending in `h2`, its other lists in `h3`, Hugging Face's in
 * cards. Narrower than CANDIDATES because the probe runs on every list page, rated or not, and
 * each heading level in the selector cost a 100-result page ~0.2 ms of its main thread; the
 * fixture of each list page type checks its results match (tests/unit/content/result-links.test.ts).
 */
export function probedLinks(page: ListPage): string {
  if (page.site === 'huggingface') return 'article a[href]';
  return page.kind === 'trending' ? 'h2 a[href]' : 'h3 a[href]';
}

export function findResultLinks(root: ParentNode, page: ListPage, memo?: ResultMemo): ResultLink[] {
  const found: ResultLink[] = [];
  const base = (root as unknown as Node).baseURI;
  for (const link of root.querySelectorAll<HTMLAnchorElement>(CANDIDATES[page.site])) {
    const href = link.getAttribute('href') ?? '';
    const known = memo?.get(link);
    const fresh = known?.href === href;
    const result = fresh ? known.result : resultOf(link, href, base, page);
    if (memo && !fresh) memo.set(link, { href, result });
    if (result) found.push(result);
  }
  return found;
}

function resultOf(
  link: HTMLAnchorElement,
  href: string,
  base: string,
  page: ListPage,
): ResultLink | null {
  const target = repoTarget(href, base, page.site);
  if (!target || link.closest(NOT_RESULTS)) return null;
  const named =
    page.site === 'github'
      ? namesGithubRepo(link, target.detection.label)
      : namesHuggingfaceRepo(link, target.detection.label);
  return named ? { link, ...target } : null;
}
