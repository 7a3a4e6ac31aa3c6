import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from '@playwright/test';
// The e2e suite's browser and flags, so the bench runs the same Chromium the same way.
import {
  CHROMIUM_FLAGS,
  chromiumPath,
  loadExtensionFlags,
  serviceWorkerOf,
} from '../../tests/e2e/support/chromium';

export interface BenchBrowser {
  name: string;
  context: BrowserContext;
  /** An about:blank page kept open for CDP sessions (extension pages close when the worker stops). */
  control: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/** Headless Chromium with one unpacked extension, or none. */
export async function launch(name: string, extensionDir: string | null): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), `verdict-lens-bench-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...(extensionDir ? loadExtensionFlags(extensionDir) : []), ...CHROMIUM_FLAGS],
  });
  const control = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(control);
  return {
    name,
    context,
    control,
    cdp,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export { serviceWorkerOf };

export const extensionIdOf = (worker: Worker): string => new URL(worker.url()).host;

/**
 * Opens an extension page of `id` for sending runtime messages. The default is the manifest: an
 * extension-origin document that runs no code of its own, unlike the options page, whose
 * product-site settings read every domain key of the dataset whenever it opens.
 */
export async function extensionPage(
  context: BrowserContext,
  id: string,
  path = 'manifest.json',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/${path}`);
  return page;
}

/** Round trip of one runtime message from an extension page, timed in that page. */
export async function timedSend<T = unknown>(
  page: Page,
  message: unknown,
): Promise<{ ms: number; reply: { ok: boolean; data?: T; error?: { message: string } } }> {
  return page.evaluate(async (m) => {
    const runtime = (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome.runtime;
    const start = performance.now();
    const reply = (await runtime.sendMessage(m)) as { ok: boolean };
    return { ms: performance.now() - start, reply };
  }, message) as Promise<{
    ms: number;
    reply: { ok: boolean; data?: T; error?: { message: string } };
  }>;
}

/** Sends a message and returns its data, or throws the background's error. */
export async function send<T = unknown>(page: Page, message: unknown): Promise<T> {
  const { reply } = await timedSend<T>(page, message);
  if (!reply.ok) throw new Error(`${JSON.stringify(message)}: ${reply.error?.message ?? 'failed'}`);
  return reply.data as T;
}
