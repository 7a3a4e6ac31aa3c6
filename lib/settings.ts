import { browser } from 'wxt/browser';
import { z } from 'zod';
import { REVIEWER_IDS, ReviewerIdSchema } from './schema';

export const DEFAULT_SYNC_HOURS = 6;

export const SettingsSchema = z.object({
  /** Reviewers whose quotes are shown; at least one. */
  reviewers: z
    .array(ReviewerIdSchema)
    .min(1)
    .default([...REVIEWER_IDS]),
  sites: z
    .object({ github: z.boolean(), huggingface: z.boolean(), product: z.boolean() })
    .default({ github: true, huggingface: true, product: true }),
  /** Hosts the user hid the badge on ("Hide on this site"). */
  hiddenHosts: z.array(z.string().max(253)).max(1000).default([]),
  /** Empty: the bundled dataset only. */
  feedUrl: z.string().max(4096).default(''),
  syncHours: z
    .number()
    .min(1)
    .max(24 * 7)
    .default(DEFAULT_SYNC_HOURS),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export interface LoadedSettings {
  settings: Settings;
  /** Keys whose stored value was invalid and fell back to the default. */
  repaired: SettingKey[];
}

/** Validates each stored value on its own, so one bad value does not reset the others. */
export function readSettings(stored: Record<string, unknown>): LoadedSettings {
  // A deep copy: callers may change what they get without changing the defaults.
  const settings: Record<string, unknown> = structuredClone(DEFAULT_SETTINGS);
  const repaired: SettingKey[] = [];
  const shape = SettingsSchema.shape;
  for (const key of Object.keys(shape) as SettingKey[]) {
    if (!(key in stored)) continue;
    const parsed = shape[key].safeParse(stored[key]);
    if (parsed.success) settings[key] = parsed.data;
    else repaired.push(key);
  }
  return { settings: settings as Settings, repaired };
}

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = await browser.storage.sync.get(null);
  return readSettings(stored);
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const checked = SettingsSchema.partial().parse(patch);
  await browser.storage.sync.set(checked);
}

/** Calls back with fresh settings whenever another page or the background changes them. */
export function watchSettings(
  onChange: (loaded: LoadedSettings) => void,
  signal: AbortSignal,
): void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'sync') void loadSettings().then((s) => signal.aborted || onChange(s));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
