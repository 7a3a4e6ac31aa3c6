import { checkFeedUrl } from '../feed/url-rules';
import { parsePublicKey } from '../feed/v2/signature';
import type { StatusAnswer } from '../messaging/protocol';
import { TextError } from '../model/worker-text';
import { answerForVerdict } from '../store/answers';
import { datasetCoverage } from '../store/coverage';
import { readMeta } from '../store/install';
import { DEFAULT_SEARCH_LIMIT } from '../store/search-index';
import type { PageHandlers } from './dispatch';
import type { WorkerState } from './worker-state';
import { loadSettings, saveSettings } from '../settings/storage';

/** The messages only the extension's own pages may send: settings, sync, the whole dataset. */
export function createPageHandlers(state: WorkerState): PageHandlers {
  const status = async (): Promise<StatusAnswer> => {
    const [meta, { settings }] = await Promise.all([
      state.slots.ready().then(readMeta),
      loadSettings(),
    ]);
    return {
      meta: meta ?? null,
      feedUrl: settings.feedUrl,
      feedPublicKey: settings.feedPublicKey,
      syncing: state.sync.busy(),
    };
  };

  return {
    getStatus: status,

    syncNow: async () => {
      await state.sync.run('user');
      return status();
    },

    resetToBundled: async () => {
      await state.resetToBundled();
      return status();
    },

    setFeedUrl: async ({ url, publicKey }) => {
      // Both are checked before either is saved: a refused key leaves the URL as it was too.
      let feedUrl = '';
      if (url.trim() !== '') {
        const checked = checkFeedUrl(url);
        if (!checked.ok) throw new TextError(checked.message, checked.text);
        feedUrl = checked.url;
      }
      const key = publicKey?.trim();
      if (key) {
        const parsed = parsePublicKey(key);
        if (!parsed.ok) throw new Error(parsed.message);
      }
      await saveSettings(key === undefined ? { feedUrl } : { feedUrl, feedPublicKey: key });
      await state.sync.schedule();
      return status();
    },

    getCoverage: async () => {
      await state.dataset.ensure();
      return datasetCoverage(state.db);
    },

    getProductSites: async () => {
      await state.dataset.ensure();
      return state.productSites.describe();
    },

    searchVerdicts: async ({ query, limit }) => {
      await state.dataset.ensure();
      return state.search.search(query, limit ?? DEFAULT_SEARCH_LIMIT);
    },

    browseVerdicts: async ({ type: _type, ...query }) => {
      await state.dataset.ensure();
      return state.search.browse(query);
    },

    getVerdictAnswer: async ({ verdictId }) => {
      await state.dataset.ensure();
      return answerForVerdict(state.db, verdictId);
    },
  };
}
