import { browser } from 'wxt/browser';
import { readMeta } from '../store/install';
import type { DatasetSlots } from '../store/slots';
import type { ApplyChanges } from '../sync/v2/delta';
import type { WorkerText } from '../model/worker-text';
import {
  backoffMinutes,
  closeInterruptedSync,
  syncFeed,
  type SyncOutcome,
} from '../sync/sync-feed';
import { loadSettings } from '../settings/storage';

export const SYNC_ALARM = 'sync';

export const RETRY_ALARM = 'sync-retry';

export interface SyncScheduleDeps {
  /** The dataset databases: the live one is asked at each use, a full v2 install moves it. */
  slots: DatasetSlots;
  /** Writes a v2 delta: store/apply-changes.ts unless a test stands in. */
  apply?: ApplyChanges;
  /** Installs the bundled dataset first on a fresh profile. */
  ensureDataset: () => Promise<void>;
  /** Called as soon as a sync installed another dataset, before anything else is awaited. */
  onInstalled: () => void;
  /** Called after an install, once the dataset's product domains may have changed. */
  afterInstall: () => Promise<void>;
  fetch: typeof fetch;
  now: () => Date;
}

export interface SyncSchedule {
  /**
   * One sync now, or the one already running; null when no feed URL is set. Automatic runs
   * (start, alarm) wait out the backoff after a sync that never finished; the user's "Sync now"
   * does not.
   */
  run(trigger?: 'auto' | 'user'): Promise<SyncOutcome | null>;
  /** The periodic alarm, set to the interval in the settings (cleared when there is no feed). */
  schedule(): Promise<void>;
  /** Whether a sync is running. */
  busy(): boolean;
  /** Resolves when no sync is running (a reset waits for it, so the user's last word wins). */
  idle(): Promise<void>;
  /** Whether an alarm is one of ours. */
  isSyncAlarm(name: string): boolean;
}

/** The feed's sync: on demand, on the periodic alarm, and retried with backoff after a failure. */
export function createSyncSchedule(deps: SyncScheduleDeps): SyncSchedule {
  let syncing: Promise<SyncOutcome | null> | null = null;

  const retryLater = async (syncHours: number) => {
    const meta = await readMeta(deps.slots.live);
    await browser.alarms.create(RETRY_ALARM, {
      delayInMinutes: backoffMinutes(meta?.failures ?? 1, syncHours),
    });
  };

  const once = async (trigger: 'auto' | 'user'): Promise<SyncOutcome | null> => {
    await deps.ensureDataset();
    const { settings } = await loadSettings();
    // No sync runs in this worker yet (run() shares one), so a started one is an earlier life's.
    const interrupted = await closeInterruptedSync(deps.slots.live, deps.now());
    if (!settings.feedUrl) return null;
    if (interrupted && trigger === 'auto') {
      // The same feed may stop the worker again: try it after the backoff, not at every start.
      await retryLater(settings.syncHours);
      return { kind: 'failed', error: interrupted };
    }
    let outcome: SyncOutcome;
    try {
      outcome = await syncFeed(deps.slots.live, settings.feedUrl, {
        fetch: deps.fetch,
        now: deps.now,
        v2: { slots: deps.slots, publicKey: settings.feedPublicKey, apply: deps.apply },
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const closed = await closeInterruptedSync(deps.slots.live, deps.now(), why);
      const text: WorkerText = { code: 'storage', params: { detail: why } };
      outcome = {
        kind: 'failed',
        error: closed ?? { code: 'storage', message: why, text, at: '' },
      };
    }
    // Before anything else is awaited: lookups from now on must not answer from the old index.
    if (outcome.kind === 'updated') deps.onInstalled();
    await browser.alarms.clear(RETRY_ALARM);
    if (outcome.kind === 'updated') await deps.afterInstall();
    if (outcome.kind === 'failed') await retryLater(settings.syncHours);
    return outcome;
  };

  return {
    run(trigger = 'auto') {
      syncing ??= once(trigger).finally(() => {
        syncing = null;
      });
      return syncing;
    },
    async schedule() {
      const { settings } = await loadSettings();
      await browser.alarms.clear(SYNC_ALARM);
      if (settings.feedUrl)
        await browser.alarms.create(SYNC_ALARM, { periodInMinutes: settings.syncHours * 60 });
    },
    busy: () => syncing !== null,
    idle: async () => {
      await syncing?.catch(() => undefined);
    },
    isSyncAlarm: (name) => name === SYNC_ALARM || name === RETRY_ALARM,
  };
}
