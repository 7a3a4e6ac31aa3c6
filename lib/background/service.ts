import { browser } from 'wxt/browser';
import polyfill from 'webextension-polyfill';
import { VerdictDb } from '../store/db';
import { readMeta } from '../store/install';
import { detect } from '../detect';
import { checkFeedUrl } from '../feed/url-rules';
import { answerForTool } from '../store/answers';
import { createLookupIndexCache } from '../store/lookup-index';
import { createSearchService, DEFAULT_SEARCH_LIMIT } from '../store/search-index';
import type { StatusAnswer } from '../messaging/protocol';
import { isSettingsChange, loadSettings, saveSettings, type Settings } from '../settings/settings';
import { backoffMinutes, syncFeed, type SyncOutcome } from '../sync/sync-feed';
import { installBundled } from './bundled';
import { injectBadgeUi } from './inject-ui';
import { handleMessage, type Handlers } from './dispatch';
import type { SenderInfo } from '../messaging/sender-policy';
import {
  grantedProductPatterns,
  productDomains,
  registeredProductPatterns,
  registerProductScripts,
} from './product-scripts';
import { isBuiltInHost } from '../sites/built-in';
import { isHiddenHost, normalizeHost } from '../sites/hidden-hosts';
import { hostCovered } from '../sites/product-patterns';
import { answerForVerdict } from '../store/answers';

const SYNC_ALARM = 'sync';
const RETRY_ALARM = 'sync-retry';

/** Wires the worker's listeners. Called from defineBackground's main on every worker start. */
export function startBackground(): void {
  const db = new VerdictDb();
  // Built on the first search, rebuilt only after another dataset is installed.
  const searchService = createSearchService(db);
  // Lookups answer from memory: the packed match-key index, read once per worker life.
  const lookupIndex = createLookupIndexCache(() => db.lookupIndex.get('current'));
  let installing: Promise<void> | null = null;
  let syncing: Promise<SyncOutcome> | null = null;

  // First run, or a profile whose database was wiped: the bundled dataset answers until a feed does.
  // Once a dataset is known to be there it stays (installs replace it whole), so lookups after
  // the first in a worker's life skip the check.
  let installed = false;
  const ensureDataset = (): Promise<void> => {
    if (installed) return Promise.resolve();
    installing ??= readMeta(db)
      .then((meta) => (meta ? undefined : installBundled(db).then(lookupIndex.invalidate)))
      .then(() => {
        installed = true;
      })
      .finally(() => {
        installing = null;
      });
    return installing;
  };

  // Product sites the user granted; the sender check reads it synchronously.
  let productPatterns: string[] = [];
  // One refresh at a time: two overlapping ones (a reset during a permission change) would both
  // see no script and both register it.
  let refreshing: Promise<void> = Promise.resolve();
  const refreshProductSites = (): Promise<void> => {
    const run = refreshing.then(async () => {
      productPatterns = await grantedProductPatterns();
      await registerProductScripts(db);
    });
    refreshing = run.catch(() => undefined);
    return run;
  };
  const isServedHost = (host: string) => isBuiltInHost(host) || hostCovered(host, productPatterns);

  // Read on every lookup, so kept in memory and dropped whenever the settings change (in
  // storage.sync, or in storage.local while storage.sync is over its quota).
  let settingsCache: Promise<Settings> | null = null;
  const currentSettings = () => (settingsCache ??= loadSettings().then((l) => l.settings));

  const status = async (): Promise<StatusAnswer> => {
    const [meta, { settings }] = await Promise.all([readMeta(db), loadSettings()]);
    return { meta: meta ?? null, feedUrl: settings.feedUrl, syncing: syncing !== null };
  };

  const scheduleSync = async (): Promise<void> => {
    const { settings } = await loadSettings();
    await browser.alarms.clear(SYNC_ALARM);
    if (settings.feedUrl)
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: settings.syncHours * 60 });
  };

  const runSync = (): Promise<SyncOutcome | null> => {
    if (syncing) return syncing;
    const run = async (): Promise<SyncOutcome | null> => {
      await ensureDataset();
      const { settings } = await loadSettings();
      if (!settings.feedUrl) return null;
      const outcome = await syncFeed(db, settings.feedUrl, {
        fetch: (...a) => fetch(...a),
        now: () => new Date(),
      });
      // Before anything else is awaited: lookups from now on must not answer from the old index.
      if (outcome.kind === 'updated') lookupIndex.invalidate();
      await browser.alarms.clear(RETRY_ALARM);
      if (outcome.kind === 'updated') await refreshProductSites();
      if (outcome.kind === 'failed') {
        const meta = await readMeta(db);
        await browser.alarms.create(RETRY_ALARM, {
          delayInMinutes: backoffMinutes(meta?.failures ?? 1, settings.syncHours),
        });
      }
      return outcome;
    };
    syncing = run().finally(() => {
      syncing = null;
    }) as Promise<SyncOutcome>;
    return syncing;
  };

  const handlers: Handlers = {
    ping: async () => ({ pong: true }),
    lookup: async ({ url }) => {
      const detection = detect(url);
      if (!detection) return { found: false };
      const settings = await currentSettings();
      if (
        !settings.sites[detection.site] ||
        isHiddenHost(new URL(url).hostname, settings.hiddenHosts)
      ) {
        return { found: false, bySettings: true };
      }
      await ensureDataset();
      const badge = (await lookupIndex.get()).find(detection.keys);
      return badge ? { found: true, badge } : { found: false };
    },
    ui: async (_request, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { loaded: false };
      return { loaded: await injectBadgeUi(tabId, sender.frameId ?? 0) };
    },
    hideSite: async ({ host }) => {
      const { settings } = await loadSettings();
      const hidden = normalizeHost(host);
      await saveSettings({ hiddenHosts: [...new Set([...settings.hiddenHosts, hidden])] });
      return { hidden };
    },
    tool: async ({ toolId, verdictId }) => {
      await ensureDataset();
      return answerForTool(db, toolId, verdictId);
    },
    status,
    syncNow: async () => {
      await runSync();
      return status();
    },
    reset: async () => {
      // A sync in flight would install its feed over the reset; the user's last word wins.
      await syncing?.catch(() => undefined);
      await installBundled(db);
      lookupIndex.invalidate();
      await refreshProductSites();
      return status();
    },
    setFeedUrl: async ({ url }) => {
      if (url.trim() !== '') {
        const checked = checkFeedUrl(url);
        if (!checked.ok) throw new Error(checked.message);
        await saveSettings({ feedUrl: checked.url });
      } else {
        await saveSettings({ feedUrl: '' });
      }
      await scheduleSync();
      return status();
    },
    productSites: async () => {
      await ensureDataset();
      return {
        domains: await productDomains(db),
        granted: await grantedProductPatterns(),
        active: await registeredProductPatterns(),
      };
    },
    search: async ({ query, limit }) => {
      await ensureDataset();
      return searchService.search(query, limit ?? DEFAULT_SEARCH_LIMIT);
    },
    verdict: async ({ verdictId }) => {
      await ensureDataset();
      return answerForVerdict(db, verdictId);
    },
    openCompare: async ({ a, b }) => {
      const url = new URL('/compare.html', browser.runtime.getURL('/'));
      url.search = new URLSearchParams({ a, b }).toString();
      await browser.tabs.create({ url: url.href });
      return { opened: true };
    },
  };

  const policy = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    isServedHost,
  };
  // The polyfill lets a listener answer by returning a promise in every browser (Chrome's own
  // onMessage wants sendResponse and `return true`).
  polyfill.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) =>
    handleMessage(message, sender, policy, handlers),
  );

  browser.runtime.onInstalled.addListener(() => {
    void ensureDataset().then(refreshProductSites).then(scheduleSync).then(runSync);
  });
  browser.permissions.onAdded.addListener(() => void refreshProductSites());
  browser.permissions.onRemoved.addListener(() => void refreshProductSites());
  browser.runtime.onStartup.addListener(() => {
    void scheduleSync().then(runSync);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void runSync();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (!isSettingsChange(changes, area)) return;
    settingsCache = null;
    if ('syncHours' in changes) void scheduleSync();
  });
  void ensureDataset();
  void grantedProductPatterns().then((p) => {
    productPatterns = p;
  });
}
