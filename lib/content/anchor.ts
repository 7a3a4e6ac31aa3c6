import type { Detection } from '../detect/types';

/**
 * The element the badge sits after: the repo/model name link in the site's header, and only when
 * it names the detected repo. During a client-side navigation the old header is still on screen
 * after the URL changed; matching the link's path keeps the badge off the previous repo's name.
 */
const SELECTORS: Record<Detection['site'], string | null> = {
  github:
    '#repository-container-header strong[itemprop="name"] a[href], strong[itemprop="name"] > a[href]',
  huggingface: 'header h1 a[href], h1 a[href]',
  product: null,
};

function pathOf(link: Element, base: string): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, base).pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return null;
  }
}

export function expectedPath(detection: Detection): string | null {
  const key = detection.keys[0];
  if (detection.site === 'product' || !key) return null;
  // Keys are `github:owner/repo` or `hf:[datasets/|spaces/]org/name`: the path after the prefix.
  return `/${key.slice(key.indexOf(':') + 1)}`;
}

export function findAnchor(doc: Document, detection: Detection): Element | null {
  const selector = SELECTORS[detection.site];
  const want = expectedPath(detection);
  if (!selector || !want) return null;
  for (const link of doc.querySelectorAll(selector)) {
    if (pathOf(link, doc.baseURI) === want) {
      // GitHub wraps the name in <strong>; placing after it keeps the header's flex layout intact.
      const strong = link.parentElement;
      return strong?.matches('strong[itemprop="name"]') ? strong : link;
    }
  }
  return null;
}
