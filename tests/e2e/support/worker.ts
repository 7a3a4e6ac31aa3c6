import type { BrowserContext, Page } from '@playwright/test';
import { DATA_TABLES } from '../../../lib/store/db';

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

/** The dataset databases (lib/store/slots.ts): slot A, the one before feed v2, and slot B. */
export const DATASET_DBS = ['verdict-lens', 'verdict-lens-b'] as const;

/**
 * The name of the dataset database the worker answers from, read from the slots' pointer
 * ('verdict-lens-slots', row 'live') the way lib/store/slots.ts reads it: slot A while there is
 * no pointer (no v2 feed was ever installed) or it names neither database. An extension page
 * reads it (tests only); the pointer database is not created when it is not there.
 */
export function liveDatasetName(extensionPage: Page): Promise<string> {
  return extensionPage.evaluate(async (dbs) => {
    const known = (await indexedDB.databases()).some((d) => d.name === 'verdict-lens-slots');
    if (!known) return dbs[0];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('verdict-lens-slots');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const row = await new Promise<{ name?: unknown } | undefined>((resolve, reject) => {
      const req = db.transaction('state').objectStore('state').get('live');
      req.onsuccess = () => resolve(req.result as { name?: unknown } | undefined);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return typeof row?.name === 'string' && (dbs as readonly string[]).includes(row.name)
      ? row.name
      : dbs[0];
  }, DATASET_DBS);
}

/** Row counts of a dataset database, by table. */
export type DatasetRows = Record<(typeof DATA_TABLES)[number], number>;

export interface DatasetSummary {
  /** The live dataset's database. */
  name: string;
  /** Its meta row's dataset part; null when it has none. */
  meta: {
    source: string;
    counts: { tools: number; verdicts: number; reviewers: number; comparisons: number };
    seq: number | null;
    digest: string | null;
  } | null;
  /** What its tables hold (counted, not read: 100,000 rows are counted in milliseconds). */
  rows: DatasetRows;
  /**
   * A full install in progress, if the pointer database has one: into which database, and how
   * many shards are in.
   */
  staging: { name: string; done: number } | null;
}

/**
 * The live dataset as an extension page finds it in IndexedDB (tests only): which database the
 * pointer names, its meta row and how many rows each table holds, and the staging record of an
 * install in progress. A complete, unmixed dataset has the rows its meta row's counts say.
 */
export async function liveDatasetSummary(extensionPage: Page): Promise<DatasetSummary> {
  const name = await liveDatasetName(extensionPage);
  return extensionPage.evaluate(
    async ({ name, tables }) => {
      const open = (db: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(db);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const request = <T>(req: IDBRequest) =>
        new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result as T);
          req.onerror = () => reject(req.error);
        });
      const names = new Set((await indexedDB.databases()).map((d) => d.name));
      const rows = Object.fromEntries(tables.map((t) => [t, 0])) as DatasetRows;
      let meta: DatasetSummary['meta'] = null;
      if (names.has(name)) {
        const db = await open(name);
        // One read transaction over every table: the counts and the meta row of one moment.
        const tx = db.transaction([...tables, 'meta']);
        for (const t of tables) rows[t] = await request<number>(tx.objectStore(t).count());
        const row = await request<
          | {
              source: string;
              counts: NonNullable<DatasetSummary['meta']>['counts'];
              signed?: { seq: number; digest: string };
            }
          | undefined
        >(tx.objectStore('meta').get('current'));
        meta = row
          ? {
              source: row.source,
              counts: row.counts,
              seq: row.signed?.seq ?? null,
              digest: row.signed?.digest ?? null,
            }
          : null;
        db.close();
      }
      let staging: DatasetSummary['staging'] = null;
      if (names.has('verdict-lens-slots')) {
        const db = await open('verdict-lens-slots');
        const row = await request<{ name: string; done: string[] } | undefined>(
          db.transaction('state').objectStore('state').get('staging'),
        );
        staging = row ? { name: row.name, done: row.done.length } : null;
        db.close();
      }
      return { name, meta, rows, staging };
    },
    { name, tables: [...DATA_TABLES] },
  );
}

/**
 * SHA-256 of every row of the live dataset (liveDatasetName) and of the dataset part of its meta
 * record, read straight from the extension's IndexedDB by an extension page (tests only; the
 * product reads through the background). Two equal hashes mean two identical datasets.
 */
export async function datasetHash(extensionPage: Page): Promise<string> {
  const name = await liveDatasetName(extensionPage);
  return extensionPage.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
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
  }, name);
}
