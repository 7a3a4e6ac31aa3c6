import { browser } from 'wxt/browser';
import { VerdictDb } from '../db';
import { readMeta } from '../dataset-store';
import { detect } from '../detect';
import { checkFeedUrl } from '../feed-url';
import { answerForTool, toolIdForKeys } from '../lookup';
import type { StatusAnswer } from '../messaging';
import { loadSettings, saveSettings } from '../settings';
import { backoffMinutes, syncFeed, type SyncOutcome } from '../sync';
import { installBundled } from './bundled';
import { handleMessage, type Handlers } from './handler';
import { isServedHost } from './served-hosts';

const SYNC_ALARM = 'sync';
const RETRY_ALARM = 'sync-retry';

/** Wires the worker's listeners. Called from defineBackground's main on every worker start. */
export function startBackground(): void {
  const db = new VerdictDb();
  let installing: Promise<void> | null = null;
  let syncing: Promise<SyncOutcome> | null = null;

  // First run, or a profile whose database was wiped: the bundled dataset answers until a feed does.
  const ensureDataset = (): Promise<void> => {
    installing ??= readMeta(db)
      .then((meta) => (meta ? undefined : installBundled(db)))
      .finally(() => {
        installing = null;
      });
    return installing;
  };

  const status = async (): Promise<StatusAnswer> => {
    const [meta, { settings }] = await Promise.all([readMeta(db), loadSettings()]);
    return { meta: meta ?? null, feedUrl: settings.feedUrl, syncing: syncing !== null };
  };

  const scheduleSync = async (): Promise<void> => {
    const { settings } = await loadSettings();
    await browser.alarms.clear(SYNC_ALARM);
    if (settings.feedUrl) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: settings.syncHours * 60 });
  };

  const runSync = (): Promise<SyncOutcome | null> => {
    if (syncing) return syncing;
    const run = async (): Promise<SyncOutcome | null> => {
      await ensureDataset();
      const { settings } = await loadSettings();
      if (!settings.feedUrl) return null;
      const outcome = await syncFeed(db, settings.feedUrl, { fetch: (...a) => fetch(...a), now: () => new Date() });
      await browser.alarms.clear(RETRY_ALARM);
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
      await ensureDataset();
      const toolId = await toolIdForKeys(db, detection.keys);
      const answer = toolId ? await answerForTool(db, toolId) : null;
      return answer ? { found: true, answer } : { found: false };
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
      await installBundled(db);
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
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, policy, handlers));

  browser.runtime.onInstalled.addListener(() => {
    void ensureDataset().then(scheduleSync).then(runSync);
  });
  browser.runtime.onStartup.addListener(() => {
    void scheduleSync().then(runSync);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void runSync();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && 'syncHours' in changes) void scheduleSync();
  });
  void ensureDataset();
}
