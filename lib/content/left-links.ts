import type { BadgeSummary } from '../model/answers';

/**
 * The badges the worker left for a list's probed results (`PAGE_GLOBALS.firstLinks`, by result
 * page, null for an unrated one), read for `urls` in order: null unless the worker looked every one
 * of them up, so the list script asks about the rest. Own properties only: a page's URL is never
 * an inherited name.
 */
export function leftBadgesFor(
  left: unknown,
  urls: readonly string[],
): (BadgeSummary | null)[] | null {
  if (typeof left !== 'object' || left === null) return null;
  const badges = left as Record<string, BadgeSummary | null>;
  if (!urls.every((url) => Object.hasOwn(badges, url))) return null;
  return urls.map((url) => badges[url] ?? null);
}
