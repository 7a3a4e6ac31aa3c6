import { z } from 'zod';
import { REVIEWER_IDS, ReviewerIdSchema } from '../feed/ids';
import { DEFAULT_REVIEWERS } from './defaults';
import { SETTING_KEY_NAMES } from './keys';

/** The settings' one zod schema, their defaults and the migrations of older stored shapes. */

export const DEFAULT_SYNC_HOURS = 6;
/** Most sites the badge can be hidden on. */
export const MAX_HIDDEN_HOSTS = 1000;

export const SettingsSchema = z.object({
  /** Reviewers whose quotes are shown; at least one. */
  reviewers: z
    .array(ReviewerIdSchema)
    .min(1)
    .default([...DEFAULT_REVIEWERS]),
  sites: z
    .object({ github: z.boolean(), huggingface: z.boolean(), product: z.boolean() })
    .default({ github: true, huggingface: true, product: true }),
  /** Small badges beside the results of search and list pages, per site. */
  lists: z
    .object({ github: z.boolean(), huggingface: z.boolean() })
    .default({ github: true, huggingface: true }),
  /** Hosts the user hid the badge on ("Hide on this site"). */
  hiddenHosts: z.array(z.string().max(253)).max(MAX_HIDDEN_HOSTS).default([]),
  /** Empty: the bundled dataset only. */
  feedUrl: z.string().max(4096).default(''),
  /** Empty: a signed feed's key is pinned on first use (docs/feed-format.md). */
  feedPublicKey: z.string().max(200).default(''),
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
  /** Set while some settings live in storage.local because storage.sync refused them. */
  fallback?: SettingsFallback;
}

export const SETTING_KEYS: readonly SettingKey[] = SETTING_KEY_NAMES;

// settings-change.ts lists the keys without the schema; both lists must name the same keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKeys: Same<(typeof SETTING_KEY_NAMES)[number], SettingKey> = true;
void sameKeys;

/**
 * Older stored shapes, turned into the current ones before validation. Each rule is small and
 * only fires on the old shape, so current values pass through untouched:
 * - `reviewers` as a map `{ builder: true, skeptic: false }` → the ids switched on, in panel order;
 * - `sites` from before product sites (`github` and `huggingface` only) → `product: true` added;
 * - `syncHours` as a numeric string (`"6"`) → the number.
 * Keys it does not know are left alone (readSettings ignores them).
 */
export function migrateSettings(stored: Record<string, unknown>): Record<string, unknown> {
  const out = { ...stored };
  const { reviewers, sites, syncHours } = stored;
  if (reviewers !== null && typeof reviewers === 'object' && !Array.isArray(reviewers)) {
    const on = reviewers as Record<string, unknown>;
    out.reviewers = REVIEWER_IDS.filter((id) => on[id] === true);
  }
  if (
    sites !== null &&
    typeof sites === 'object' &&
    !Array.isArray(sites) &&
    !('product' in sites) &&
    typeof (sites as Record<string, unknown>).github === 'boolean' &&
    typeof (sites as Record<string, unknown>).huggingface === 'boolean'
  ) {
    out.sites = { ...sites, product: DEFAULT_SETTINGS.sites.product };
  }
  if (typeof syncHours === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(syncHours)) {
    out.syncHours = Number(syncHours);
  }
  return out;
}

/** Validates each stored value on its own, so one bad value does not reset the others. */
export function readSettings(stored: Record<string, unknown>): LoadedSettings {
  const migrated = migrateSettings(stored);
  // A deep copy: callers may change what they get without changing the defaults.
  const settings: Record<string, unknown> = structuredClone(DEFAULT_SETTINGS);
  const repaired: SettingKey[] = [];
  const shape = SettingsSchema.shape;
  for (const key of SETTING_KEYS) {
    if (!(key in migrated)) continue;
    const parsed = shape[key].safeParse(migrated[key]);
    if (parsed.success) settings[key] = parsed.data;
    else repaired.push(key);
  }
  return { settings: settings as Settings, repaired };
}

/**
 * storage.sync has small quotas (about 100 KB, 8 KB per item) and write rate limits. When it
 * refuses a write for one of those, the settings go to storage.local instead, and this record (in
 * storage.local) says so: which keys are held there, why, and since when. Those keys are read from
 * storage.local over storage.sync until a later save gets them into storage.sync again.
 */
export interface SettingsFallback {
  /** The error storage.sync gave, e.g. "QUOTA_BYTES_PER_ITEM quota exceeded". */
  reason: string;
  /** ISO time of the first refused write. */
  at: string;
  keys: SettingKey[];
}

export const FallbackSchema = z.object({
  reason: z.string(),
  at: z.string(),
  keys: z.array(z.enum(SETTING_KEY_NAMES)),
});
