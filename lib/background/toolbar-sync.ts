import { browser } from 'wxt/browser';
import { answerPage } from './content-handlers';
import { showOnToolbar } from './toolbar';
import type { WorkerState } from './worker-state';

/**
 * Keeps every tab's toolbar icon in step with its page: on each navigation, soft ones included
 * (tabs.onUpdated reports a pushState URL change too), and for every tab when the settings or
 * the dataset change. A tab's URL is visible only where the extension has host access (GitHub,
 * Hugging Face, granted product sites); elsewhere the icon is cleared.
 */
export function createToolbarSync(state: WorkerState) {
  const update = async (tabId: number, url: string | undefined) => {
    const answer = url ? await answerPage(state, url) : null;
    await showOnToolbar(tabId, answer?.found ? answer.badge : null);
  };
  const safely = (work: Promise<void>) =>
    void work.catch(() => {
      // A tab closed meanwhile: nothing to show.
    });
  return {
    onTabUpdated(tabId: number, change: { url?: string; status?: string }, tab: { url?: string }) {
      if (change.url === undefined && change.status !== 'loading') return;
      safely(update(tabId, change.url ?? tab.url));
    },
    refreshAll() {
      safely(
        browser.tabs.query({}).then(async (tabs) => {
          await Promise.all(tabs.map((t) => (t.id === undefined ? null : update(t.id, t.url))));
        }),
      );
    },
  };
}
