import { browser } from 'wxt/browser';
import { detect } from '../detect';
import type { LookupResult } from '../messaging/protocol';
import { answerPage } from './content-handlers';
import type { WorkerEffects } from './effects';
import { listWithChips } from './list-lookup';
import { ratedResults } from './list-scan';
import { showOnToolbar } from './toolbar';
import type { WorkerState } from './worker-state';

/** What a tab's navigation tells the worker (tabs.onUpdated's change info). */
export interface TabChange {
  url?: string;
  status?: string;
}

/**
 * The worker's side of every navigation in a tab, soft ones included (tabs.onUpdated reports a
 * pushState URL change too): the toolbar icon shows the page's verdict, and the page gets the
 * scripts it needs and no others. GitHub and Hugging Face pages run nothing of ours until then:
 * - a page the dataset rates gets the lens (its badge), which then follows the page's own
 *   navigation; a later soft navigation to an unrated page leaves it running, badge removed;
 * - a list page gets the list probe (its result links, looked up here off the page's main
 *   thread), and the list script once one of them is rated.
 * Also for every tab when the settings or the dataset change. A tab's URL is visible only where
 * the extension has host access (GitHub, Hugging Face, granted product sites).
 */
export function createTabSync(
  state: WorkerState,
  effects: WorkerEffects,
  toolbar: typeof showOnToolbar = showOnToolbar,
) {
  /** Per tab, the URL last seen: a decision for an older URL of the tab is dropped. */
  const latest = new Map<number, string>();
  /**
   * Per tab, the URL whose document the list probe has answered for since the tab last started
   * loading: the probe then runs once per page, not again when the load completes.
   */
  const probed = new Map<number, string>();
  /** Per tab, the lens injection in flight: the load's completion waits for it before checking. */
  const injecting = new Map<number, Promise<boolean>>();

  const lens = async (tabId: number, url: string, answer: LookupResult, loaded: boolean) => {
    if (answer.found) {
      // Once the page has loaded, a load whose early injection missed it (a navigation that had
      // not committed yet) is noticed here; otherwise the lens is injected as early as it can be.
      // A product site's pages get it from their registered script, so only a check there.
      const check = loaded || detect(url)?.site === 'product';
      if (check) await injecting.get(tabId);
      if (check && (await effects.hasLens(tabId))) return;
      const injection = effects.injectLens(tabId, { url, answer });
      injecting.set(tabId, injection);
      await injection.finally(() => {
        if (injecting.get(tabId) === injection) injecting.delete(tabId);
      });
    } else {
      await effects.markPage?.(tabId, 'verdictLens', 'none', url);
    }
  };

  const lists = async (tabId: number, url: string, loaded: boolean) => {
    if (loaded && probed.get(tabId) === url) return;
    const list = await listWithChips(state, url);
    if (!list) return;
    // Marked before the answer is in: a load that completes meanwhile is not probed twice.
    probed.set(tabId, url);
    let scan = await effects.scanList(tabId, list);
    // An answer from the document the tab is leaving (the probe came before the navigation
    // committed) is no answer: the new document is asked once more.
    if (scan && scan.page !== url) scan = await effects.scanList(tabId, list);
    if (!scan || scan.page !== url || latest.get(tabId) !== url) return;
    const rated = await ratedResults(state, url, scan.base, scan.hrefs);
    if (rated) await effects.injectListChips(tabId, 0, { url, answer: rated });
    else await effects.markPage?.(tabId, 'verdictLensChips', '0', url);
  };

  const update = async (tabId: number, url: string | undefined, loaded: boolean) => {
    if (url) latest.set(tabId, url);
    if (!loaded) probed.delete(tabId);
    let parsed: URL | null = null;
    try {
      parsed = url ? new URL(url) : null;
    } catch {
      // Not a page: nothing to show.
    }
    const answer: LookupResult = parsed ? await answerPage(state, parsed.href) : { found: false };
    if (url && latest.get(tabId) !== url) return;
    const icon = toolbar(tabId, answer.found ? answer.badge : null);
    if (!parsed || !url || !/^https?:$/.test(parsed.protocol)) return icon;
    await Promise.all([icon, lens(tabId, url, answer, loaded), lists(tabId, url, loaded)]);
  };

  const safely = (work: Promise<void>): Promise<void> =>
    work.catch(() => {
      // A tab closed meanwhile: nothing to show.
    });

  return {
    /** Settles when the tab has what it needs (tests wait for it; listeners need not). */
    onTabUpdated(tabId: number, change: TabChange, tab: { url?: string }): Promise<void> {
      if (change.url === undefined && change.status !== 'loading' && change.status !== 'complete')
        return Promise.resolve();
      return safely(update(tabId, change.url ?? tab.url, change.status === 'complete'));
    },
    onTabRemoved(tabId: number) {
      latest.delete(tabId);
      probed.delete(tabId);
      injecting.delete(tabId);
    },
    /** Every open tab, again: after a settings or dataset change (and on a worker's first start). */
    refreshAll(): Promise<void> {
      // A list the probe found unrated may hold a rated result now, or chips may be back on.
      probed.clear();
      return safely(
        browser.tabs.query({}).then(async (tabs) => {
          await Promise.all(
            tabs.map((t) =>
              t.id === undefined ? null : update(t.id, t.url, t.status === 'complete'),
            ),
          );
        }),
      );
    },
  };
}
