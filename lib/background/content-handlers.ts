import { detect } from '../detect';
import { isHiddenHost, normalizeHost } from '../sites/hidden-hosts';
import { answerForTool } from '../store/answers';
import type { ContentHandlers } from './dispatch';
import type { WorkerEffects } from './effects';
import type { WorkerState } from './worker-state';
import { saveSettings, loadSettings } from '../settings/storage';

/** The messages content scripts may send: each answers about the page it came from. */
export function createContentHandlers(state: WorkerState, effects: WorkerEffects): ContentHandlers {
  return {
    ping: async () => ({ pong: true }),

    lookupPage: async ({ url }) => {
      const detection = detect(url);
      if (!detection) return { found: false };
      const settings = await state.settings.current();
      if (
        !settings.sites[detection.site] ||
        isHiddenHost(new URL(url).hostname, settings.hiddenHosts)
      ) {
        return { found: false, bySettings: true };
      }
      await state.dataset.ensure();
      const badge = (await state.lookupIndex.get()).find(detection.keys);
      return badge ? { found: true, badge } : { found: false };
    },

    loadPopoverUi: async (_request, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { loaded: false };
      return { loaded: await effects.injectPopoverUi(tabId, sender.frameId ?? 0) };
    },

    getToolAnswer: async ({ toolId, verdictId }) => {
      await state.dataset.ensure();
      return answerForTool(state.db, toolId, verdictId);
    },

    hideSite: async ({ host }) => {
      const { settings } = await loadSettings();
      const hidden = normalizeHost(host);
      await saveSettings({ hiddenHosts: [...new Set([...settings.hiddenHosts, hidden])] });
      return { hidden };
    },

    openCompare: async ({ a, b }) => {
      await effects.openExtensionPage(`/compare.html?${new URLSearchParams({ a, b }).toString()}`);
      return { opened: true };
    },
  };
}
