import { detect } from '../detect';
import { listPageOf } from '../detect/lists';
import type { LinksResult } from '../messaging/protocol';
import { isHiddenHost, normalizeHost } from '../sites/hidden-hosts';
import type { WorkerState } from './worker-state';

/**
 * What the list script is for a page the lens asks about: null on a page that is no list page;
 * 'on' for a list page on a site whose badges and "badges in lists" are on and whose host the
 * user has not hidden badges on; 'off' for a list page the settings keep chips off.
 */
export async function listChipsFor(
  state: WorkerState,
  pageUrl: string,
): Promise<'on' | 'off' | null> {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  const list = listPageOf(page);
  if (!list) return null;
  const settings = await state.settings.current();
  const on =
    settings.sites[list.site] &&
    settings.lists[list.site] &&
    !isHiddenHost(page.hostname, settings.hiddenHosts);
  return on ? 'on' : 'off';
}

/**
 * The chips of a list page, from the in-memory index: one entry per result URL, in order. Only
 * for a list page, and only for results on the list's own site: a page cannot use its lists to
 * ask about another site's tools.
 */
export async function answerLinks(
  state: WorkerState,
  pageUrl: string,
  urls: readonly string[],
): Promise<LinksResult> {
  const none = (): LinksResult => ({ badges: urls.map(() => null) });
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return none();
  }
  const list = listPageOf(page);
  if (!list) return none();
  const settings = await state.settings.current();
  if (!settings.sites[list.site]) return { ...none(), bySettings: { siteOff: list.site } };
  if (!settings.lists[list.site]) return { ...none(), bySettings: { listsOff: list.site } };
  if (isHiddenHost(page.hostname, settings.hiddenHosts))
    return { ...none(), bySettings: { hiddenHost: normalizeHost(page.hostname) } };
  await state.dataset.ensure();
  const index = await state.lookupIndex.get();
  return {
    badges: urls.map((url) => {
      const detection = detect(url);
      if (!detection || detection.site !== list.site) return null;
      return index.find(detection.keys) ?? null;
    }),
  };
}
