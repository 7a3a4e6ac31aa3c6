type GetMessage = (key: string, substitutions?: string[]) => string;
interface Api {
  runtime?: { id?: string };
  i18n?: { getMessage?: GetMessage };
}

/**
 * A catalogue message (locales/*.yml, `group.key` as `group_key`) through browser.i18n itself,
 * for the few strings of code that also runs in lens.js, which carries no i18n library (and in
 * the worker). Every extension context has browser.i18n (the unit tests' fake answers from the
 * English catalogue); the key itself where there is none, rather than a second copy of each
 * string in the always-on script.
 */
export function uiMessage(key: string, ...substitutions: string[]): string {
  // As wxt/browser picks it: Firefox's content scripts have `browser`, not always `chrome`.
  const g = globalThis as { browser?: Api; chrome?: Api };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  return api?.i18n?.getMessage?.(key, substitutions) || key;
}
