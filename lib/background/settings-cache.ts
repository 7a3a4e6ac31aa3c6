import { loadSettings } from '../settings/storage';
import type { Settings } from '../settings/schema';

export interface SettingsCache {
  current(): Promise<Settings>;
  /** Called on every settings change (storage.onChanged): the next read loads them again. */
  invalidate(): void;
}

/**
 * The settings as the worker's hot path reads them: every lookup needs the site switches and
 * hidden hosts, so they are kept in memory and dropped whenever they change (in storage.sync,
 * or in storage.local while storage.sync is over its quota).
 */
export function createSettingsCache(load = loadSettings): SettingsCache {
  let cached: Promise<Settings> | null = null;
  return {
    current() {
      const loading = (cached ??= load().then((l) => l.settings));
      // A failed read is not kept: the next lookup tries again.
      loading.catch(() => {
        if (cached === loading) cached = null;
      });
      return loading;
    },
    invalidate() {
      cached = null;
    },
  };
}
