import type { BrowserContext, Page } from '@playwright/test';

interface VersionsEvent {
  versions: { scriptURL: string; runningStatus: string }[];
}

/**
 * Stops the extension's service worker the way the browser does when it idles it out, and
 * returns only once the browser reports it stopped, so a test never mistakes a no-op for a stop.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopped = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('the service worker did not stop')), 5000);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: VersionsEvent) => {
      const ours = versions.filter((v) => v.scriptURL.startsWith('chrome-extension://'));
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped.finally(() => clearTimeout(timer));
  await cdp.detach();
}

/**
 * SHA-256 of every dataset row and of the dataset part of the meta record, read straight from
 * the extension's IndexedDB by an extension page (tests only; the product reads through the
 * background). Two equal hashes mean two identical datasets.
 */
export function datasetHash(extensionPage: Page): Promise<string> {
  return extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('verdict-lens');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error);
      });
    const parts: unknown[] = [];
    for (const store of ['tools', 'verdicts', 'reviewers', 'comparisons', 'matchKeys'])
      parts.push(await all(store));
    const [meta] = (await all('meta')) as {
      source: string;
      generatedAt: string;
      counts: unknown;
    }[];
    parts.push(meta ? [meta.source, meta.generatedAt, meta.counts] : null);
    db.close();
    const bytes = new TextEncoder().encode(JSON.stringify(parts));
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  });
}
