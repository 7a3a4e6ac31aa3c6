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

/**
 * Runs the lens content script on granted product sites of the dataset, and nowhere else:
 * re-registered whenever permissions or the dataset change.
 */
export async function registerProductScripts(db: VerdictDb): Promise<string[]> {
  const granted = new Set(await grantedProductPatterns());
  const matches = originPatterns(await productDomains(db)).filter((p) => granted.has(p));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches,
        js: ['content-scripts/lens.js'],
        runAt: 'document_end',
        persistAcrossSessions: true,
      },
    ]);
  }
  return matches;
}
