import { MAX_LIST_LINKS } from '../messaging/protocol';
import type { BadgeSummary } from '../model/answers';
import { resultPageOf } from '../content/result-links';
import { answerLinks } from './list-lookup';
import type { WorkerState } from './worker-state';

/** The result pages a list probe's hrefs point at, as the list script keys them, each once. */
export function resultPages(base: string, hrefs: readonly string[]): string[] {
  const pages = new Set<string>();
  for (const href of hrefs) {
    if (pages.size === MAX_LIST_LINKS) break;
    try {
      pages.add(resultPageOf(new URL(href, base)));
    } catch {
      // Not a URL: no result.
    }
  }
  return [...pages];
}

/**
 * The badges of a list page's probed links, by result page, if any of them is a rated result its
 * chips would show (the same answer the list script's lookup gets: the list's own site only,
 * chips switched on); null when none is. The list script's stricter test of each link (is it a
 * result's title?) is left to the list script, which gets these answers with it.
 */
export async function ratedResults(
  state: WorkerState,
  pageUrl: string,
  base: string,
  hrefs: readonly string[],
): Promise<Record<string, BadgeSummary | null> | null> {
  const urls = resultPages(base, hrefs);
  if (urls.length === 0) return null;
  const { badges } = await answerLinks(state, pageUrl, urls);
  if (!badges.some((badge) => badge !== null)) return null;
  return Object.fromEntries(urls.map((url, i) => [url, badges[i] ?? null]));
}
