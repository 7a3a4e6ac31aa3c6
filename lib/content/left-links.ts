import type { BadgeSummary } from '../model/answers';

/**
 * The worker's badges for a list's probed results, as it leaves them in the page for the list
 * script (`PAGE_GLOBALS.firstLinks`), so that the script's first lookup is not asked again. Not a
 * record with a null for each unrated result: Chrome drops an object's null-valued properties from
 * `scripting.executeScript`'s arguments, so every unrated result went missing on the way, and the
 * list script asked the worker about the whole list once more.
 */
export interface LeftLinks {
  /** Every result page looked up, rated or not. */
  asked: string[];
  /** The badges of the rated ones, by result page. */
  rated: Record<string, BadgeSummary>;
}

export function leaveLinks(badges: Readonly<Record<string, BadgeSummary | null>>): LeftLinks {
  const rated = Object.fromEntries(
    Object.entries(badges).filter((entry): entry is [string, BadgeSummary] => entry[1] !== null),
  );
  return { asked: Object.keys(badges), rated };
}

/** The badges for `urls`, in order, if the worker looked every one of them up; else null. */
export function leftBadgesFor(
  left: LeftLinks,
  urls: readonly string[],
): (BadgeSummary | null)[] | null {
  if (!Array.isArray(left.asked) || typeof left.rated !== 'object' || left.rated === null)
    return null;
  const asked = new Set(left.asked);
  if (!urls.every((url) => asked.has(url))) return null;
  return urls.map((url) => (Object.hasOwn(left.rated, url) ? left.rated[url]! : null));
}
