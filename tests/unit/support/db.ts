/** Test databases on fake-indexeddb, and a fingerprint of the installed dataset. */
import { createHash, randomUUID } from 'node:crypto';
import Dexie, { type DBCoreMutateRequest, type DBCoreMutateResponse } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { DATA_TABLES, VerdictDb } from '../../../lib/store/db';

// Set explicitly rather than through 'fake-indexeddb/auto', so import order cannot matter.
Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const open: VerdictDb[] = [];

/** A database with a name no other test uses. */
export function freshDb(): VerdictDb {
  const db = new VerdictDb(`verdict-lens-test-${randomUUID()}`);
  open.push(db);
  return db;
}

/** For afterEach: closes and deletes every database the test opened. */
export async function dropDbs(): Promise<void> {
  await Promise.all(open.splice(0).map((db) => db.delete()));
}

/** Decides, per write, whether to fail it: return an error to reject, or a response to fake. */
export type Fault = (
  table: string,
  req: DBCoreMutateRequest,
) => Error | DBCoreMutateResponse | null | undefined;

/** A fresh database whose writes pass through `fault` (switch it on and off via `setFault`). */
export function faultyDb() {
  const db = freshDb();
  let fault: Fault | null = null;
  db.use({
    stack: 'dbcore',
    name: 'fault',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            const injected = fault?.(name, req);
            if (injected instanceof Error) return Promise.reject(injected);
            if (injected) return Promise.resolve(injected);
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return { db, setFault: (f: Fault | null) => void (fault = f) };
}

const sortById = <T>(rows: T[], key: (row: T) => string): T[] =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** JSON with object keys sorted at every level, so equal data always gives equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The tables that hold records and rows derived per tool: all but the packed indexes. */
export const RECORD_TABLES = DATA_TABLES.filter((n) => n !== 'lookupIndex' && n !== 'searchIndex');

/**
 * sha256 over every row of every data table (sorted by primary key) and the dataset fields of
 * meta. Sync bookkeeping (lastCheckedAt, lastError, failures) is left out on purpose.
 */
export async function hashRows(
  db: VerdictDb,
  tableNames: readonly string[] = DATA_TABLES,
): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const name of tableNames) {
    const table = db.table(name);
    const pk = table.schema.primKey.keyPath as string;
    const rows = (await table.toArray()) as Record<string, unknown>[];
    tables[name] = sortById(rows, (r) => String(r[pk]));
  }
  const meta = await db.meta.get('current');
  const dataset = meta && {
    source: meta.source,
    version: meta.version,
    generatedAt: meta.generatedAt,
    etag: meta.etag,
    lastModified: meta.lastModified,
    counts: meta.counts,
    installedAt: meta.installedAt,
    lastSuccessAt: meta.lastSuccessAt,
  };
  return createHash('sha256')
    .update(stableJson({ tables, meta: dataset ?? null }))
    .digest('hex');
}
