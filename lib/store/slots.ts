import { DATA_TABLES, SlotsDb, VerdictDb, type SlotRow } from './db';

/**
 * The two dataset databases and which one is live. Every reader asks `live` at the time it reads,
 * so moving the pointer moves every later read at once.
 */
export interface DatasetSlots {
  /** The live dataset's database: slot A until `ready()` has read the pointer. */
  readonly live: VerdictDb;
  /** Reads the pointer, once per worker life. */
  ready(): Promise<VerdictDb>;
  /** The database a full install fills: never the live one. */
  spare(): VerdictDb;
  /** The install in progress, if one was started (and not finished) for this manifest. */
  staging(): Promise<Extract<SlotRow, { id: 'staging' }> | undefined>;
  markStaging(row: Extract<SlotRow, { id: 'staging' }>): Promise<void>;
  /** Forgets the install in progress (it was refused: nothing of it is kept). */
  dropStaging(): Promise<void>;
  /** Makes `db` live and forgets the staging record, in one write. */
  switchTo(db: VerdictDb): Promise<void>;
}

/** Slot A is `primary` (the database of every version before v2 feeds), slot B beside it. */
export function createDatasetSlots(primary: VerdictDb = new VerdictDb()): DatasetSlots {
  const base = primary.name;
  const names = [base, `${base}-b`] as const;
  const dbs = new Map<string, VerdictDb>([
    [base, primary],
    [names[1], new VerdictDb(names[1])],
  ]);
  const pointer = new SlotsDb(`${base}-slots`);
  let live = dbs.get(names[0])!;
  let opening: Promise<VerdictDb> | null = null;
  const byName = (name: string) => dbs.get(name) ?? dbs.get(names[0])!;
  return {
    get live() {
      return live;
    },
    ready() {
      opening ??= pointer.state.get('live').then((row) => {
        if (row?.id === 'live') live = byName(row.name);
        return live;
      });
      // The database live now: a switch after the first read moves it.
      return opening.then(() => live);
    },
    spare: () => byName(live.name === names[0] ? names[1] : names[0]),
    staging: async () => {
      const row = await pointer.state.get('staging');
      return row?.id === 'staging' ? row : undefined;
    },
    markStaging: async (row) => {
      await pointer.state.put(row);
    },
    dropStaging: async () => {
      await pointer.state.delete('staging');
    },
    async switchTo(db) {
      await pointer.transaction('rw', pointer.state, async () => {
        await pointer.state.put({ id: 'live', name: db.name });
        await pointer.state.delete('staging');
      });
      live = db;
    },
  };
}

/** Empties a dataset database (the spare, before a full install or once it is no longer read). */
export const emptyDataset = (db: VerdictDb) =>
  db.transaction('rw', [...DATA_TABLES.map((n) => db.table(n)), db.meta], () =>
    Promise.all([...DATA_TABLES.map((n) => db.table(n).clear()), db.meta.clear()]),
  );
