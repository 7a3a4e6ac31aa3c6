import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyProductScripts,
  registerProductScripts,
  type ScriptingApi,
} from '../../../lib/background/product-scripts';
import type { VerdictDb } from '../../../lib/store/db';
import { installFeed } from '../../../lib/store/install';
import { dropDbs, freshDb } from '../support/db';
import { cursorFeed, toFeed } from '../support/feeds';

/**
 * A model of Chrome's dynamic content-script registry, with its error messages. `landing` runs
 * once, right after the first read: another worker's call that the browser finishes late.
 */
function registry(landing?: (scripts: Map<string, string[]>, pending: Set<string>) => void) {
  const scripts = new Map<string, string[]>();
  // Registered by a call the browser has not finished: a duplicate, but not updatable yet.
  const pendingIds = new Set<string>();
  let pending = landing;
  const calls: string[] = [];
  const api: ScriptingApi = {
    getRegisteredContentScripts: ({ ids }) => {
      calls.push('get');
      const found = ids.filter((id) => scripts.has(id)).map((id) => ({ matches: scripts.get(id) }));
      pending?.(scripts, pendingIds);
      pending = undefined;
      return Promise.resolve(found);
    },
    registerContentScripts: (list) => {
      calls.push('register');
      for (const s of list) {
        if (scripts.has(s.id)) return Promise.reject(new Error(`Duplicate script ID '${s.id}'`));
        scripts.set(s.id, s.matches);
      }
      return Promise.resolve();
    },
    updateContentScripts: (list) => {
      calls.push('update');
      for (const s of list) {
        if (!scripts.has(s.id) || pendingIds.has(s.id))
          return Promise.reject(
            new Error(`Script with ID '${s.id}' does not exist or is not fully registered`),
          );
        scripts.set(s.id, s.matches);
      }
      return Promise.resolve();
    },
    unregisterContentScripts: ({ ids }) => {
      calls.push('unregister');
      for (const id of ids) {
        pendingIds.delete(id);
        if (!scripts.delete(id)) return Promise.reject(new Error(`Nonexistent script ID '${id}'`));
      }
      return Promise.resolve();
    },
  };
  return { api, scripts, calls };
}

const A = ['https://a.example/*', 'https://*.a.example/*'];
const B = ['https://b.example/*'];

describe('applyProductScripts', () => {
  it('registers, then updates in place, then unregisters when nothing is granted', async () => {
    const r = registry();
    await applyProductScripts(r.api, A);
    expect([...r.scripts.values()]).toEqual([A]);
    await applyProductScripts(r.api, B);
    expect([...r.scripts.values()]).toEqual([B]);
    await applyProductScripts(r.api, []);
    expect(r.scripts.size).toBe(0);
    expect(r.calls).toEqual(['get', 'register', 'get', 'update', 'get', 'unregister']);
  });

  it('a registration that lands between the read and the write is updated, not refused', async () => {
    const r = registry((s) => s.set('verdict-lens-product-sites', A));
    await expect(applyProductScripts(r.api, B)).resolves.toEqual(B);
    expect([...r.scripts.values()]).toEqual([B]);
    expect(r.calls).toEqual(['get', 'register', 'update']);
  });

  it('a script removed between the read and the write is registered again, or left gone', async () => {
    const seeded = registry((s) => s.clear());
    await seeded.api.registerContentScripts([
      {
        id: 'verdict-lens-product-sites',
        matches: A,
        js: [],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
    await expect(applyProductScripts(seeded.api, B)).resolves.toEqual(B);
    expect([...seeded.scripts.values()]).toEqual([B]);

    const gone = registry((s) => s.clear());
    gone.scripts.set('verdict-lens-product-sites', A);
    await expect(applyProductScripts(gone.api, [])).resolves.toEqual([]);
    expect(gone.scripts.size).toBe(0);
  });

  it('a registration still landing is replaced: unregistered, then registered again', async () => {
    const r = registry((s, pending) => {
      s.set('verdict-lens-product-sites', A);
      pending.add('verdict-lens-product-sites');
    });
    await expect(applyProductScripts(r.api, B)).resolves.toEqual(B);
    expect([...r.scripts.values()]).toEqual([B]);
    expect(r.calls).toEqual(['get', 'register', 'update', 'unregister', 'register']);
  });

  it('other registry errors still reach the caller', async () => {
    const r = registry();
    r.api.registerContentScripts = () => Promise.reject(new Error('Invalid match pattern'));
    await expect(applyProductScripts(r.api, A)).rejects.toThrow('Invalid match pattern');
  });
});

describe('registerProductScripts', () => {
  afterEach(dropDbs);

  it('runs the script on the granted product sites the dataset names', async () => {
    const db = freshDb();
    await installFeed(db, toFeed(cursorFeed()), { source: 'bundled' });
    const { api, scripts } = registry();
    const granted = ['https://cursor.com/*', 'https://elsewhere.example/*'];
    const matches = await registerProductScripts(db, api, granted);
    expect(matches).toContain('https://cursor.com/*');
    expect(matches).not.toContain('https://elsewhere.example/*');
    expect([...scripts.values()]).toEqual([matches]);
  });

  it('looks up the granted hosts only: a subdomain grant counts, an all-sites grant does not', async () => {
    const db = freshDb();
    await installFeed(db, toFeed(cursorFeed()), { source: 'bundled' });
    const { api } = registry();
    const everyDomain = vi.spyOn(db.matchKeys, 'where');
    const granted = ['https://*.cursor.com/*', 'https://*/*', 'https://cursor.com/*'];
    expect(await registerProductScripts(db, api, granted)).toEqual([
      'https://*.cursor.com/*',
      'https://cursor.com/*',
    ]);
    // Not the dataset's whole list of domains (100,000 at 100,000 tools).
    expect(everyDomain).not.toHaveBeenCalled();
  });

  it('with nothing granted, unregisters the script without reading the dataset', async () => {
    const db = new Proxy({} as VerdictDb, {
      get: (_, name) => {
        throw new Error(`the dataset was read (${String(name)})`);
      },
    });
    const { api, scripts } = registry();
    scripts.set('verdict-lens-product-sites', ['https://cursor.com/*']);
    expect(await registerProductScripts(db, api, [])).toEqual([]);
    expect(scripts.size).toBe(0);
  });
});
