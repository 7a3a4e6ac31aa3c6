import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, type LoadedSettings } from '../../../lib/settings/schema';
import { isSettingsChange, SETTINGS_FALLBACK_KEY } from '../../../lib/settings/keys';
import {
  isSyncLimitError,
  loadSettings,
  saveSettings,
  watchSettings,
} from '../../../lib/settings/storage';

const PER_ITEM = 'QUOTA_BYTES_PER_ITEM quota exceeded';
const RATE = 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.';
const MANY_HOSTS = Array.from({ length: 400 }, (_, i) => `host-${i}.synthetic.example`);

/** storage.sync refuses every write with this message, as Chrome's promise API does. */
const refuseSync = (message: string) =>
  vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error(message));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('isSyncLimitError', () => {
  it.each([
    'QUOTA_BYTES quota exceeded',
    PER_ITEM,
    'MAX_ITEMS quota exceeded',
    RATE,
    'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.',
    'QuotaExceededError: storage.sync API call exceeded its quota limitations.',
  ])('knows %j', (message) => {
    expect(isSyncLimitError(new Error(message))).toBe(true);
  });

  it('knows a DOMException named QuotaExceededError', () => {
    expect(isSyncLimitError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
  });

  it.each(['Extension context invalidated.', 'boom', ''])('does not take %j for one', (m) => {
    expect(isSyncLimitError(new Error(m))).toBe(false);
  });
});

describe('saveSettings when storage.sync refuses', () => {
  it.each([PER_ITEM, RATE])('keeps the value in storage.local on %j, with a notice', async (m) => {
    await saveSettings({ syncHours: 12 });
    vi.useFakeTimers({ now: new Date('2025-04-01T10:00:00Z'), toFake: ['Date'] });
    refuseSync(m);
    await saveSettings({ hiddenHosts: MANY_HOSTS });
    vi.useRealTimers();

    expect(await browser.storage.sync.get(null)).toEqual({ syncHours: 12 });
    expect(await browser.storage.local.get(null)).toEqual({
      hiddenHosts: MANY_HOSTS,
      [SETTINGS_FALLBACK_KEY]: { reason: m, at: '2025-04-01T10:00:00.000Z', keys: ['hiddenHosts'] },
    });
    expect(await loadSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, syncHours: 12, hiddenHosts: MANY_HOSTS },
      repaired: [],
      fallback: { reason: m, at: '2025-04-01T10:00:00.000Z', keys: ['hiddenHosts'] },
    });
  });

  it('rethrows any other error and writes nothing', async () => {
    refuseSync('Extension context invalidated.');
    await expect(saveSettings({ syncHours: 3 })).rejects.toThrow('Extension context invalidated.');
    expect(await browser.storage.local.get(null)).toEqual({});
    expect((await loadSettings()).fallback).toBeUndefined();
  });

  it('still refuses an invalid value before touching any storage', async () => {
    const set = refuseSync(PER_ITEM);
    await expect(saveSettings({ syncHours: 0 })).rejects.toThrow();
    expect(set).not.toHaveBeenCalled();
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('adds each further refused key to the notice, keeping when it started', async () => {
    refuseSync(PER_ITEM);
    await saveSettings({ hiddenHosts: MANY_HOSTS });
    const first = (await loadSettings()).fallback;
    await saveSettings({ feedUrl: 'https://feeds.synthetic.test/v.json', syncHours: 24 });
    const { settings, fallback } = await loadSettings();
    expect(fallback).toEqual({ ...first, keys: ['hiddenHosts', 'feedUrl', 'syncHours'] });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      hiddenHosts: MANY_HOSTS,
      feedUrl: 'https://feeds.synthetic.test/v.json',
      syncHours: 24,
    });
  });

  it('reads a held value over the older one in storage.sync', async () => {
    await saveSettings({ feedUrl: 'https://old.synthetic.test/v.json' });
    refuseSync(RATE);
    await saveSettings({ feedUrl: 'https://new.synthetic.test/v.json' });
    expect((await browser.storage.sync.get(null)).feedUrl).toBe(
      'https://old.synthetic.test/v.json',
    );
    expect((await loadSettings()).settings.feedUrl).toBe('https://new.synthetic.test/v.json');
  });

  it('ignores a held key that storage.local has lost', async () => {
    await saveSettings({ syncHours: 12 });
    await browser.storage.local.set({
      [SETTINGS_FALLBACK_KEY]: {
        reason: PER_ITEM,
        at: '2025-04-01T10:00:00.000Z',
        keys: ['syncHours'],
      },
    });
    expect((await loadSettings()).settings.syncHours).toBe(12);
  });

  it('ignores a malformed notice', async () => {
    await browser.storage.local.set({ [SETTINGS_FALLBACK_KEY]: { keys: ['nope'] }, syncHours: 3 });
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
  });

  it('repairs an invalid held value like any stored one', async () => {
    await browser.storage.local.set({
      syncHours: -5,
      [SETTINGS_FALLBACK_KEY]: {
        reason: RATE,
        at: '2025-04-01T10:00:00.000Z',
        keys: ['syncHours'],
      },
    });
    const { settings, repaired } = await loadSettings();
    expect(settings.syncHours).toBe(DEFAULT_SETTINGS.syncHours);
    expect(repaired).toEqual(['syncHours']);
  });
});

describe('when storage.sync takes writes again', () => {
  it('the next save moves the held values to storage.sync and clears the notice', async () => {
    const spy = refuseSync(RATE);
    await saveSettings({ hiddenHosts: ['a.synthetic.example'], syncHours: 12 });
    spy.mockRestore();

    await saveSettings({ reviewers: ['skeptic'] });
    expect(await browser.storage.sync.get(null)).toEqual({
      hiddenHosts: ['a.synthetic.example'],
      syncHours: 12,
      reviewers: ['skeptic'],
    });
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await loadSettings()).toEqual({
      settings: {
        ...DEFAULT_SETTINGS,
        hiddenHosts: ['a.synthetic.example'],
        syncHours: 12,
        reviewers: ['skeptic'],
      },
      repaired: [],
    });
  });

  it('a newer value of a held key wins over the held one', async () => {
    const spy = refuseSync(RATE);
    await saveSettings({ syncHours: 12 });
    spy.mockRestore();
    await saveSettings({ syncHours: 3 });
    expect(await browser.storage.sync.get(null)).toEqual({ syncHours: 3 });
    expect((await loadSettings()).settings.syncHours).toBe(3);
  });
});

describe('watchSettings', () => {
  const watch = () => {
    const seen: LoadedSettings[] = [];
    const abort = new AbortController();
    watchSettings((s) => seen.push(s), abort.signal);
    return { seen, abort };
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('hears a change held in storage.local, with the notice', async () => {
    const { seen, abort } = watch();
    refuseSync(PER_ITEM);
    await saveSettings({ syncHours: 24 });
    await settle();
    expect(seen.at(-1)?.settings.syncHours).toBe(24);
    expect(seen.at(-1)?.fallback?.keys).toEqual(['syncHours']);
    abort.abort();
  });

  it('hears storage.sync, ignores unrelated storage.local keys, and stops when aborted', async () => {
    const { seen, abort } = watch();
    await browser.storage.sync.set({ syncHours: 3 });
    await settle();
    expect(seen).toHaveLength(1);
    await browser.storage.local.set({ somethingElse: 1 });
    await settle();
    expect(seen).toHaveLength(1);
    abort.abort();
    await browser.storage.sync.set({ syncHours: 12 });
    await settle();
    expect(seen).toHaveLength(1);
  });
});

describe('isSettingsChange', () => {
  it.each<[Record<string, unknown>, string, boolean]>([
    [{ syncHours: {} }, 'sync', true],
    [{ anything: {} }, 'sync', true],
    [{ syncHours: {} }, 'local', true],
    [{ [SETTINGS_FALLBACK_KEY]: {} }, 'local', true],
    [{ somethingElse: {} }, 'local', false],
    [{ syncHours: {} }, 'session', false],
    [{ syncHours: {} }, 'managed', false],
  ])('%j in %s: %s', (changes, area, expected) => {
    expect(isSettingsChange(changes, area)).toBe(expected);
  });
});
