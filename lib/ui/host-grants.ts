import { checkFeedUrl } from '../feed/url-rules';

/** The part of `browser.permissions` the grant flow uses (a fake in unit tests). */
export interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
}

/**
 * The match pattern for a feed URL's origin (`https://feeds.example/*`; match patterns carry no
 * port, so `http://127.0.0.1:8080/f.json` gives `http://127.0.0.1/*`); null for a URL the
 * background would refuse, or an empty one.
 */
export function feedOriginPattern(input: string): string | null {
  if (input.trim() === '') return null;
  const checked = checkFeedUrl(input);
  if (!checked.ok) return null;
  const url = new URL(checked.url);
  return `${url.protocol}//${url.hostname}/*`;
}

export type GrantOutcome = 'granted' | 'denied' | 'nothing-to-ask' | 'failed';

/**
 * Asks for host access. Browsers only show the prompt during a user gesture, so this must be
 * called synchronously from the click (or submit) handler, before anything is awaited: the
 * request goes out at once, and the returned promise settles when the user has answered.
 */
export function requestHostAccess(
  api: PermissionsApi,
  origins: readonly string[],
): Promise<GrantOutcome> {
  const unique = [...new Set(origins)];
  if (unique.length === 0) return Promise.resolve('nothing-to-ask');
  let asked: Promise<boolean>;
  try {
    asked = api.request({ origins: unique });
  } catch {
    return Promise.resolve('failed');
  }
  return asked.then(
    (granted): GrantOutcome => (granted ? 'granted' : 'denied'),
    (): GrantOutcome => 'failed',
  );
}
