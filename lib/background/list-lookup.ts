import { detect } from '../detect';
import { listPageOf, type ListPage } from '../detect/lists';
import type { LinksResult } from '../messaging/protocol';
import { isHiddenHost, normalizeHost } from '../sites/hidden-hosts';
import type { WorkerState } from './worker-state';

type ListMiss = NonNullable<LinksResult['bySettings']>;

/**
 * The list page a URL is, and why the settings keep its chips off (null when they are on): the
 * site's badges, its "badges in lists", or badges hidden on the host. Null for no list page.
 */
async function listOf(
  state: WorkerState,
  pageUrl: string,
): Promise<{ page: ListPage; miss: ListMiss | null } | null> {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  const list = listPageOf(page);
  if (!list) return null;
  const settings = await state.settings.current();
  const { site } = list;
  if (!settings.sites[site]) return { page: list, miss: { siteOff: site } };
  if (!settings.lists[site]) return { page: list, miss: { listsOff: site } };
  if (isHiddenHost(page.hostname, settings.hiddenHosts))
    return { page: list, miss: { hiddenHost: normalizeHost(page.hostname) } };
  return { page: list, miss: null };
}

/**
 * The list page a URL is, where its chips are on: a site whose badges and "badges in lists" are
 * on and whose host the user has not hidden badges on. Null for any other page.
 */
export async function listWithChips(state: WorkerState, pageUrl: string): Promise<ListPage | null> {
  const list = await listOf(state, pageUrl);
  return list && !list.miss ? list.page : null;
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
  const badges = () => urls.map(() => null);
  const list = await listOf(state, pageUrl);
  if (!list) return { badges: badges() };
  if (list.miss) return { badges: badges(), bySettings: list.miss };
  await state.dataset.ensure();
  const index = await state.lookupIndex.get();
  return {
    badges: urls.map((url) => {
      const detection = detect(url);
      if (!detection || detection.site !== list.page.site) return null;
      return index.find(detection.keys) ?? null;
    }),
  };
}
