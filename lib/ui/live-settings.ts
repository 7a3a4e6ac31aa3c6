import { DEFAULT_SETTINGS, type LoadedSettings } from '../settings/schema';
import { loadSettings, watchSettings } from '../settings/storage';

/**
 * The settings read once and kept current, for a script whose views mount later (the popover):
 * their first render then already has the user's settings, not the defaults. If the read fails
 * the views start from the defaults and useSettings() reads again.
 */
export async function liveSettings(): Promise<() => LoadedSettings> {
  let current: LoadedSettings = { settings: DEFAULT_SETTINGS, repaired: [] };
  let changed = false;
  watchSettings((s) => {
    changed = true;
    current = s;
  }, new AbortController().signal);
  const read = await loadSettings().catch(() => null);
  // A change that came in while reading is newer than what was read.
  if (read && !changed) current = read;
  return () => current;
}
