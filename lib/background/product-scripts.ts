import { browser } from 'wxt/browser';
import type { VerdictDb } from '../db';
import { originPatterns } from '../product-sites';

const SCRIPT_ID = 'verdict-lens-product-sites';
/** GitHub and Hugging Face come with the manifest; everything else granted is a product site. */
const BUILT_IN = ['https://github.com/*', 'https://huggingface.co/*'];

export async function productDomains(db: VerdictDb): Promise<string[]> {
  const keys = await db.matchKeys.where('key').startsWith('domain:').primaryKeys();
  return keys.map((k) => k.slice('domain:'.length));
}

/** Granted product-site patterns (optional host permissions the user gave). */
export async function grantedProductPatterns(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => !BUILT_IN.includes(o));
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

// Chrome's own words when the registry does not hold what a call expected.
const DUPLICATE = /duplicate script id/i;
const NONEXISTENT = /nonexistent script id/i;

/**
 * Makes the registry hold exactly `matches` for the product-site script. A registration from a
 * worker that was stopped mid-call can land between our read and our write, so a "duplicate"
 * turns into an update and a "nonexistent" into nothing, instead of an error.
 */
export async function applyProductScripts(
  scripting: ScriptingApi,
  matches: string[],
): Promise<string[]> {
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) {
      await scripting
        .unregisterContentScripts({ ids: [SCRIPT_ID] })
        .catch((e: unknown) => rethrowUnless(e, NONEXISTENT));
    }
    return matches;
  }
  const script: ProductScript = {
    id: SCRIPT_ID,
    matches,
    js: ['lens.js'],
    runAt: 'document_start',
    persistAcrossSessions: true,
  };
  if (existing.length > 0) {
    await scripting.updateContentScripts([script]).catch(async (e: unknown) => {
      rethrowUnless(e, NONEXISTENT);
      await scripting.registerContentScripts([script]);
    });
  } else {
    await scripting.registerContentScripts([script]).catch(async (e: unknown) => {
      rethrowUnless(e, DUPLICATE);
      await scripting.updateContentScripts([script]);
    });
  }
  return matches;
}

function rethrowUnless(e: unknown, expected: RegExp): void {
  if (!(e instanceof Error) || !expected.test(e.message)) throw e;
}

/**
 * Runs the lens content script on granted product sites of the dataset, and nowhere else:
 * re-registered whenever permissions or the dataset change.
 */
export async function registerProductScripts(db: VerdictDb): Promise<string[]> {
  const granted = new Set(await grantedProductPatterns());
  const matches = originPatterns(await productDomains(db)).filter((p) => granted.has(p));
  return applyProductScripts(browser.scripting, matches);
}
