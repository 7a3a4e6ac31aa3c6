import { MAX_LIST_LINKS } from '../messaging/protocol';
import { answerLinks } from './list-lookup';
import type { WorkerState } from './worker-state';

/**
 * The result pages a list probe's hrefs point at, as lookups take them (origin and path, no
 * trailing slash, no query: a filtered Hugging Face listing links its cards with one), each once.
 */
export function resultPages(base: string, hrefs: readonly string[]): string[] {
  const pages = new Set<string>();
  for (const href of hrefs) {
    if (pages.size === MAX_LIST_LINKS) break;
    try {
      const url = new URL(href, base);
      pages.add(`${url.origin}${url.pathname.replace(/\/$/, '')}`);
    } catch {
      // Not a URL: no result.
    }
  }
  return [...pages];
}

/**
 * Whether any of a list page's probed links is a rated result its chips would show (the same
 * answer the list script's lookup gets: the list's own site only, chips switched on). The list
 * script's stricter test of each link (is it a result's title?) is left to the list script.
 */
export async function listHoldsRated(
  state: WorkerState,
  pageUrl: string,
  base: string,
  hrefs: readonly string[],
): Promise<boolean> {
  const urls = resultPages(base, hrefs);
  if (urls.length === 0) return false;
  const { badges } = await answerLinks(state, pageUrl, urls);
  return badges.some((badge) => badge !== null);
}
