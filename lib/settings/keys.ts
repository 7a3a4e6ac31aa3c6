/**
 * Which storage changes are settings changes (the worker and the extension's pages listen; content
 * scripts cannot read storage at all, see lib/background/storage-access.ts). Kept free of zod and
 * of the settings schema; lib/settings/schema.ts checks that the key list matches the schema.
 */

/** storage.local key of the record saying some settings are held there (see settings.ts). */
export const SETTINGS_FALLBACK_KEY = 'settingsFallback';

export const SETTING_KEY_NAMES = [
  'reviewers',
  'sites',
  'lists',
  'hiddenHosts',
  'feedUrl',
  'feedPublicKey',
  'syncHours',
] as const;

const WATCHED_LOCAL_KEYS: ReadonlySet<string> = new Set([
  ...SETTING_KEY_NAMES,
  SETTINGS_FALLBACK_KEY,
]);

/**
 * Whether a storage.onChanged event may have changed the settings: anything in storage.sync, and
 * in storage.local the settings keys and the fallback record (settings are held there while
 * storage.sync is over its quota).
 */
export function isSettingsChange(changes: Record<string, unknown>, area: string): boolean {
  if (area === 'sync') return true;
  if (area !== 'local') return false;
  return Object.keys(changes).some((key) => WATCHED_LOCAL_KEYS.has(key));
}
