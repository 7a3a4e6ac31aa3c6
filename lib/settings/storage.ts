import { browser } from 'wxt/browser';
import { isSettingsChange, SETTINGS_FALLBACK_KEY } from './keys';
import {
  FallbackSchema,
  readSettings,
  SETTING_KEYS,
  SettingsSchema,
  type LoadedSettings,
  type SettingKey,
  type Settings,
  type SettingsFallback,
} from './schema';

/** Reading and writing the settings: storage.sync, with storage.local as its fallback. */

/**
 * Quota and rate errors of storage.sync. Chrome says QUOTA_BYTES, QUOTA_BYTES_PER_ITEM,
 * MAX_ITEMS or MAX_WRITE_OPERATIONS_PER_HOUR/_PER_MINUTE; Firefox says QuotaExceededError.
 */
export function isSyncLimitError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota|MAX_WRITE_OPERATIONS|MAX_ITEMS/i.test(message);
}

/** The settings held in storage.local by a fallback (keys missing there are left out). */
async function readHeld(fallback: SettingsFallback | null): Promise<Record<string, unknown>> {
  if (!fallback || fallback.keys.length === 0) return {};
  const stored = await browser.storage.local.get(fallback.keys);
  return Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined));
}

async function readFallback(): Promise<SettingsFallback | null> {
  const stored = await browser.storage.local.get(SETTINGS_FALLBACK_KEY);
  const parsed = FallbackSchema.safeParse(stored[SETTINGS_FALLBACK_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function loadSettings(): Promise<LoadedSettings> {
  const [synced, fallback] = await Promise.all([browser.storage.sync.get(null), readFallback()]);
  if (!fallback) return readSettings(synced);
  return { ...readSettings({ ...synced, ...(await readHeld(fallback)) }), fallback };
}

/**
 * Validates only the keys given. (`SettingsSchema.partial()` would not do: zod fills in the
 * defaults of the keys left out, so saving one setting would reset all the others.) Unknown keys
 * and undefined values are dropped; an invalid value throws.
 */
function checkPatch(patch: Partial<Settings>): Partial<Settings> {
  const checked: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    if (patch[key] !== undefined) checked[key] = SettingsSchema.shape[key].parse(patch[key]);
  }
  return checked as Partial<Settings>;
}

/**
 * Writes to storage.sync. If storage.sync refuses for a quota or rate limit, the values go to
 * storage.local and the fallback record is set; any other error is thrown. While a fallback is
 * set, each save first tries to move the held-back values to storage.sync along with the new ones.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const checked = checkPatch(patch);
  const fallback = await readFallback();
  const held = await readHeld(fallback);
  try {
    await browser.storage.sync.set({ ...held, ...checked });
  } catch (error) {
    if (!isSyncLimitError(error)) throw error;
    const keys = [
      ...new Set([...(fallback?.keys ?? []), ...(Object.keys(checked) as SettingKey[])]),
    ];
    const record: SettingsFallback = {
      reason: fallback?.reason ?? (error instanceof Error ? error.message : String(error)),
      at: fallback?.at ?? new Date().toISOString(),
      keys: SETTING_KEYS.filter((k) => keys.includes(k)),
    };
    await browser.storage.local.set({ ...checked, [SETTINGS_FALLBACK_KEY]: record });
    return;
  }
  // Everything is in storage.sync again: the local copies would only shadow it.
  if (fallback) await browser.storage.local.remove([...fallback.keys, SETTINGS_FALLBACK_KEY]);
}

/** Calls back with fresh settings whenever another page or the background changes them. */
export function watchSettings(
  onChange: (loaded: LoadedSettings) => void,
  signal: AbortSignal,
): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (isSettingsChange(changes, area))
      void loadSettings().then((s) => signal.aborted || onChange(s));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
