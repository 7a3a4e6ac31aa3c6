import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { tellTabsSettingsChanged } from '../../../lib/background/settings-broadcast';
import { restrictStorageToExtension } from '../../../lib/background/storage-access';
import { SETTINGS_CHANGED } from '../../../lib/messaging/protocol';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

type Settable = { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };

describe('restrictStorageToExtension', () => {
  it('asks for TRUSTED_CONTEXTS on storage.local and storage.sync where the browser has it', async () => {
    const calls: string[] = [];
    for (const area of ['local', 'sync'] as const) {
      (browser.storage[area] as unknown as Settable).setAccessLevel = async ({ accessLevel }) =>
        void calls.push(`${area}:${accessLevel}`);
    }
    expect(await restrictStorageToExtension()).toEqual(['local', 'sync']);
    expect(calls).toEqual(['local:TRUSTED_CONTEXTS', 'sync:TRUSTED_CONTEXTS']);
  });

  it('leaves out an area without it (Firefox) or one that refuses, and says so', async () => {
    delete (browser.storage.local as unknown as Settable).setAccessLevel;
    (browser.storage.sync as unknown as Settable).setAccessLevel = async () => {
      throw new Error('synthetic: not supported');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await restrictStorageToExtension()).toEqual([]);
    expect(warn).toHaveBeenCalledWith(
      'Verdict Lens: storage.sync stays open to content scripts',
      expect.any(Error),
    );
  });
});

describe('tellTabsSettingsChanged', () => {
  it('tells every tab whose URL the worker sees, and shrugs off tabs without a lens', async () => {
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([
      { id: 1, url: 'https://github.com/a/b' },
      { id: 2 },
      { id: 3, url: 'https://huggingface.co/c/d' },
    ] as unknown as Awaited<ReturnType<typeof browser.tabs.query>>);
    const sent: number[] = [];
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (id, message) => {
      expect(message).toEqual({ type: SETTINGS_CHANGED });
      sent.push(id);
      if (id === 3)
        throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(tellTabsSettingsChanged()).resolves.toBeUndefined();
    expect(sent).toEqual([1, 3]);
  });
});
