import { existsSync } from 'node:fs';
import type { BrowserContext, Worker } from '@playwright/test';

/** The same resolution as scripts/ensure-chromium.mjs, which `npm test` runs first. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => !!p && existsSync(p),
  );
  if (!found)
    throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH.');
  return found;
}

/**
 * Headless Chromium as the tests and the bench run it: no sandbox (root in CI), and none of the
 * background traffic a closed network refuses.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const loadExtensionFlags = (dir: string): string[] => [
  `--disable-extensions-except=${dir}`,
  `--load-extension=${dir}`,
];

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}
