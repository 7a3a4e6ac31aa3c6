import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { REVIEWER_IDS } from '../../../lib/feed/schema';
import {
  DEFAULT_SETTINGS,
  DEFAULT_SYNC_HOURS,
  readSettings,
  type SettingKey,
  type Settings,
} from '../../../lib/settings/schema';
import { loadSettings, saveSettings } from '../../../lib/settings/storage';

describe('defaults', () => {
  it('shows every reviewer on every site, with no feed, every 6 hours', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      reviewers: [...REVIEWER_IDS],
      sites: { github: true, huggingface: true, product: true },
      lists: { github: true, huggingface: true },
      hiddenHosts: [],
      feedUrl: '',
      feedPublicKey: '',
      syncHours: DEFAULT_SYNC_HOURS,
    });
    expect(DEFAULT_SYNC_HOURS).toBe(6);
  });

  it('are what nothing stored reads as', () => {
    expect(readSettings({})).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
  });
});

describe('readSettings', () => {
  it('keeps valid stored values', () => {
    const stored = {
      reviewers: ['skeptic', 'builder'],
      sites: { github: false, huggingface: true, product: false },
      lists: { github: false, huggingface: true },
      hiddenHosts: ['synthetic.example'],
      feedUrl: 'https://feeds.synthetic.test/v.json',
      feedPublicKey: '',
      syncHours: 24,
    };
    expect(readSettings(stored)).toEqual({ settings: stored, repaired: [] });
  });

  it('ignores keys it does not know', () => {
    const { settings, repaired } = readSettings({ legacyOption: true, syncHours: 12 });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, syncHours: 12 });
    expect(settings).not.toHaveProperty('legacyOption');
    expect(repaired).toEqual([]);
  });

  it.each<[SettingKey, unknown]>([
    ['reviewers', []],
    ['reviewers', ['nobody']],
    ['reviewers', 'builder'],
    ['sites', { github: 'yes', huggingface: true, product: true }],
    ['sites', { github: false }],
    ['sites', null],
    ['hiddenHosts', 'synthetic.example'],
    ['hiddenHosts', ['x'.repeat(254)]],
    ['hiddenHosts', Array.from({ length: 1001 }, (_, i) => `h${i}.synthetic.test`)],
    ['feedUrl', 42],
    ['feedUrl', `https://${'x'.repeat(4096)}`],
    ['syncHours', 0],
    ['syncHours', 0.5],
    ['syncHours', 24 * 7 + 1],
    ['syncHours', 'six'],
    ['syncHours', '0'],
    ['syncHours', Number.NaN],
  ])('falls back to the default for a bad %s (%j) and names it', (key, value) => {
    const good = { syncHours: 12, feedUrl: 'https://feeds.synthetic.test/v.json' };
    const stored = { ...good, [key]: value };
    const { settings, repaired } = readSettings(stored);
    expect(repaired).toEqual([key]);
    expect(settings[key]).toEqual(DEFAULT_SETTINGS[key]);
    for (const [k, v] of Object.entries(good))
      if (k !== key) expect(settings[k as SettingKey]).toEqual(v);
  });

  it('repairs several keys at once, in schema order', () => {
    const { settings, repaired } = readSettings({
      syncHours: -1,
      reviewers: [],
      hiddenHosts: ['synthetic.example'],
      feedUrl: null,
    });
    expect(repaired).toEqual(['reviewers', 'feedUrl', 'syncHours']);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, hiddenHosts: ['synthetic.example'] });
  });

  it('accepts the bounds of syncHours', () => {
    expect(readSettings({ syncHours: 1 }).settings.syncHours).toBe(1);
    expect(readSettings({ syncHours: 24 * 7 }).settings.syncHours).toBe(24 * 7);
  });
});

describe('loadSettings and saveSettings (fake browser storage)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what was saved', async () => {
    await saveSettings({ syncHours: 12, reviewers: ['futurist'] });
    expect(await loadSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, syncHours: 12, reviewers: ['futurist'] },
      repaired: [],
    });
  });

  it('saving one setting leaves the others as they are', async () => {
    await saveSettings({ feedUrl: 'https://feeds.synthetic.test/v.json', reviewers: ['skeptic'] });
    await saveSettings({ syncHours: 12 });
    await saveSettings({ hiddenHosts: ['synthetic.example'] });
    expect(await browser.storage.sync.get(null)).toEqual({
      feedUrl: 'https://feeds.synthetic.test/v.json',
      reviewers: ['skeptic'],
      syncHours: 12,
      hiddenHosts: ['synthetic.example'],
    });
  });

  it('drops keys it does not know and undefined values', async () => {
    await saveSettings({ syncHours: 3, feedUrl: undefined, legacy: true } as Partial<Settings>);
    expect(await browser.storage.sync.get(null)).toEqual({ syncHours: 3 });
  });

  it('refuses to save an invalid value and stores nothing', async () => {
    await expect(saveSettings({ reviewers: [] })).rejects.toThrow();
    expect(await browser.storage.sync.get(null)).toEqual({});
  });

  it('repairs a bad value found in storage', async () => {
    await browser.storage.sync.set({
      syncHours: 0,
      feedUrl: 'https://feeds.synthetic.test/v.json',
    });
    const { settings, repaired } = await loadSettings();
    expect(repaired).toEqual(['syncHours']);
    expect(settings.syncHours).toBe(DEFAULT_SYNC_HOURS);
    expect(settings.feedUrl).toBe('https://feeds.synthetic.test/v.json');
  });
});
