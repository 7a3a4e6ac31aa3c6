import { browser } from 'wxt/browser';
import { BUILT_IN_MATCHES } from '../sites/built-in';
import type { VerdictDb } from '../store/db';
import { patternHost } from '../sites/product-patterns';

const SCRIPT_ID = 'verdict-lens-product-sites';

export async function productDomains(db: VerdictDb): Promise<string[]> {
  const keys = await db.matchKeys.where('key').startsWith('domain:').primaryKeys();
  return keys.map((k) => k.slice('domain:'.length));
}

/** Granted product-site patterns (optional host permissions the user gave). */
export async function grantedProductPatterns(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  // GitHub and Hugging Face come with the manifest; everything else granted is a product site.
  return origins.filter((o) => !BUILT_IN_MATCHES.includes(o));
}

/** Patterns the product-site content script currently runs on. */
export async function registeredProductPatterns(): Promise<string[]> {
  const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  return script?.matches ?? [];
}

/** The part of `browser.scripting` the registration uses; the tests give a model of Chrome's. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ matches?: string[] }[]>;
  registerContentScripts(scripts: ProductScript[]): Promise<unknown>;
  updateContentScripts(scripts: ProductScript[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

interface ProductScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
  persistAcrossSessions: boolean;
}

/**
 * Makes the registry hold exactly `matches` for the product-site script. A registration from a
 * worker that was stopped mid-call can land (or still be landing) between our read and our
 * write, and Chrome words the resulting errors differently across versions ("Duplicate script
 * ID", "does not exist or is not fully registered"), so each write falls back to the others
 * instead of matching messages; an error that every way refuses (a bad pattern) is thrown.
 */
export async function applyProductScripts(
  scripting: ScriptingApi,
  matches: string[],
): Promise<string[]> {
  const ids = { ids: [SCRIPT_ID] };
  const existing = await scripting.getRegisteredContentScripts(ids);
  if (matches.length === 0) {
    // Already gone is as good as removed.
    if (existing.length > 0) await scripting.unregisterContentScripts(ids).catch(() => undefined);
    return matches;
  }
  const script: ProductScript = {
    id: SCRIPT_ID,
    matches,
    js: ['lens.js'],
    runAt: 'document_start',
    persistAcrossSessions: true,
  };
  const register = () => scripting.registerContentScripts([script]);
  const update = () => scripting.updateContentScripts([script]);
  const replace = async () => {
    await scripting.unregisterContentScripts(ids).catch(() => undefined);
    await register();
  };
  const attempts = existing.length > 0 ? [update, replace] : [register, update, replace];
  let last: unknown;
  for (const attempt of attempts) {
    try {
      await attempt();
      return matches;
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

/**
 * Runs the lens content script on granted product sites of the dataset, and nowhere else:
 * re-registered whenever permissions or the dataset change.
 */
export async function registerProductScripts(
  db: VerdictDb,
  scripting: ScriptingApi = browser.scripting,
  granted?: readonly string[],
): Promise<string[]> {
  const patterns = [...new Set(granted ?? (await grantedProductPatterns()))];
  // From the grants to the dataset, not the other way: a user grants a few sites, the dataset
  // names 100,000 domains (reading them and making their patterns took 0.7 s after every sync).
  if (patterns.length === 0) return applyProductScripts(scripting, []);
  // patternHost reads back the domain originPatterns() made a pattern from: a grant of it is
  // a match when the dataset names that domain.
  const named = patterns.flatMap((p) => {
    const host = patternHost(p);
    return host === null ? [] : [{ p, key: `domain:${host}` }];
  });
  const found = await db.matchKeys.bulkGet(named.map((n) => n.key));
  const matches = named
    .filter((_, i) => found[i] !== undefined)
    .map((n) => n.p)
    .sort();
  return applyProductScripts(scripting, matches);
}
