import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  migrateSettings,
  readSettings,
  type LoadedSettings,
} from '../../../lib/settings/schema';
import { loadSettings } from '../../../lib/settings/storage';

interface Fixture {
  description: string;
  stored: Record<string, unknown>;
  expected: LoadedSettings;
}

const DIR = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture] as const);

describe('stored settings fixtures', () => {
  beforeEach(() => fakeBrowser.reset());

  it('cover the old shapes', () => {
    expect(fixtures.map(([f]) => f)).toEqual(
      expect.arrayContaining([
        'current.json',
        'empty-reviewers.json',
        'unknown-extra-key.json',
        'v0-reviewers-map.json',
        'v0-sites-without-product.json',
        'v0-sync-hours-string.json',
      ]),
    );
  });

  it.each(fixtures)('%s reads as expected', (_file, { stored, expected }) => {
    expect(readSettings(stored)).toEqual(expected);
  });

  it.each(fixtures)('%s loads as expected from storage.sync', async (_file, fixture) => {
    await browser.storage.sync.set(fixture.stored);
    expect(await loadSettings()).toEqual(fixture.expected);
  });

  it.each(fixtures)('%s: what it reads as, stored again, reads the same', (_file, fixture) => {
    const once = readSettings(fixture.stored).settings;
    expect(readSettings(once)).toEqual({ settings: once, repaired: [] });
  });
});

describe('migrateSettings', () => {
  it('leaves current settings as they are', () => {
    const current = { ...DEFAULT_SETTINGS, reviewers: ['skeptic'], syncHours: 12 };
    expect(migrateSettings(current)).toEqual(current);
    expect(migrateSettings({})).toEqual({});
  });

  it('does not change what it is given', () => {
    const stored = { reviewers: { builder: true }, sites: { github: true, huggingface: true } };
    const copy = structuredClone(stored);
    migrateSettings(stored);
    expect(stored).toEqual(copy);
  });

  it('turns a reviewer map into the ids switched on, in panel order, ignoring non-true values', () => {
    expect(
      migrateSettings({
        reviewers: { business: true, builder: true, skeptic: 1, futurist: 'yes' },
      }),
    ).toEqual({ reviewers: ['builder', 'business'] });
  });

  it('adds product sites only to the old two-switch shape', () => {
    expect(migrateSettings({ sites: { github: true, huggingface: false } })).toEqual({
      sites: { github: true, huggingface: false, product: true },
    });
    // Not the old shape: left for validation to repair.
    for (const sites of [{ github: 'yes', huggingface: true }, { github: true }, null, []]) {
      expect(migrateSettings({ sites })).toEqual({ sites });
    }
  });

  it('reads a numeric string interval as a number, and leaves other strings for validation', () => {
    expect(migrateSettings({ syncHours: '12' })).toEqual({ syncHours: 12 });
    expect(migrateSettings({ syncHours: ' 6 ' })).toEqual({ syncHours: 6 });
    expect(migrateSettings({ syncHours: '1.5' })).toEqual({ syncHours: 1.5 });
    for (const syncHours of ['six', '', '-1', '1e3', '0x10']) {
      expect(migrateSettings({ syncHours })).toEqual({ syncHours });
    }
  });
});
