/**
 * Names our scripts leave on the isolated world's global object, where the worker's later
 * injections into the same document can see them: so a script the worker runs again (every
 * navigation of a rated page asks for the lens) starts once per document.
 */
export const PAGE_GLOBALS = {
  /** The lens's `alive()` (lib/content/lifetime.ts): a copy whose extension is gone is replaced. */
  lens: '__verdictLensLens',
  /** The list script's `alive()`, as for the lens; the list watcher stops once it is set. */
  lists: '__verdictLensLists',
  /** The list watcher's reported hrefs (lib/content/list-probe.ts). */
  listWatcher: '__verdictLensListWatcher',
  /**
   * The worker's answer for the URL it injected the lens for (`{ url, answer }`), set just
   * before the lens runs: its first lookup is then not asked again.
   */
  firstAnswer: '__verdictLensFirstAnswer',
  /** The same for the list script: the worker's badges for the results its probe found. */
  firstLinks: '__verdictLensFirstLinks',
} as const;

/**
 * Whether a copy of a script already runs in this document, and if not, marks this one as it:
 * an earlier copy counts only while its extension is alive (after a reload or update it is not).
 */
export function claimPage(name: string, alive: () => boolean): boolean {
  const g = globalThis as unknown as Record<string, unknown>;
  const earlier = g[name];
  if (typeof earlier === 'function' && (earlier as () => boolean)()) return false;
  g[name] = alive;
  return true;
}

/** The answer the worker left for `url` (once; null for any other URL or none at all). */
export function takeFirstAnswer<T>(url: string, name: string = PAGE_GLOBALS.firstAnswer): T | null {
  const g = globalThis as unknown as Record<string, unknown>;
  const left = g[name] as { url?: unknown; answer?: T } | undefined;
  delete g[name];
  return left?.url === url && left.answer !== undefined ? left.answer : null;
}
