import { browser } from 'wxt/browser';
import polyfill from 'webextension-polyfill';
import type { SenderInfo } from '../messaging/sender-policy';
import { isSettingsChange } from '../settings/keys';
import { createContentHandlers } from './content-handlers';
import { handleMessage } from './dispatch';
import { browserEffects } from './effects';
import { createPageHandlers } from './page-handlers';
import { createTabSync } from './tab-sync';
import { createWorkerState, type WorkerState } from './worker-state';
import { tellTabsSettingsChanged } from './settings-broadcast';
import { restrictStorageToExtension } from './storage-access';

/**
 * The worker's listeners, and nothing else: called from defineBackground's main on every worker
 * start. Listeners are added synchronously, as MV3 requires for events that wake the worker.
 */
export function startBackground(): WorkerState {
  void restrictStorageToExtension();
  const state = createWorkerState();
  const handlers = {
    content: createContentHandlers(state, browserEffects),
    page: createPageHandlers(state),
  };
  const policy = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    isServedHost: state.productSites.isServedHost,
  };
  const { dataset, productSites, sync } = state;
  const tabs = createTabSync(state, browserEffects);
  state.datasetChanged.add(tabs.refreshAll);

  // The polyfill lets a listener answer by returning a promise in every browser (Chrome's own
  // onMessage wants sendResponse and `return true`).
  polyfill.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) =>
    handleMessage(message, sender, policy, handlers),
  );
  browser.runtime.onInstalled.addListener((details) => {
    // Once, on the first install: not on updates, nor when the browser itself updates.
    if (details.reason === 'install') void browserEffects.openExtensionPage('/welcome.html');
    void dataset
      .ensure()
      // Tabs opened before the install (or update) get their badges and chips now.
      .then(() => tabs.refreshAll())
      .then(productSites.refresh)
      .then(sync.schedule)
      .then(() => sync.run());
  });
  browser.runtime.onStartup.addListener(() => {
    void sync.schedule().then(() => sync.run());
  });
  browser.permissions.onAdded.addListener(() => void productSites.refresh());
  browser.permissions.onRemoved.addListener(() => void productSites.refresh());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (sync.isSyncAlarm(alarm.name)) void sync.run();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (!isSettingsChange(changes, area)) return;
    state.settings.invalidate();
    if ('syncHours' in changes) void sync.schedule();
    tabs.refreshAll();
    void tellTabsSettingsChanged();
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => tabs.onTabUpdated(tabId, change, tab));
  browser.tabs.onRemoved.addListener((tabId) => tabs.onTabRemoved(tabId));
  void dataset.ensure();
  return state;
}
