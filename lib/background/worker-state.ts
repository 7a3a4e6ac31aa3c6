import { createLookupIndexCache, type LookupIndexCache } from '../store/lookup-index';
import { createSearchService, type SearchService } from '../store/search-index';
import { VerdictDb } from '../store/db';
import { createDatasetSlots, type DatasetSlots } from '../store/slots';
import { readLookupIndex, type IndexProblem } from '../store/index-repair';
import { installBundled } from './bundled';
import { createDatasetGate, type DatasetGate } from './dataset-gate';
import { createProductSites, type ProductSites } from './product-sites';
import { createSettingsCache, type SettingsCache } from './settings-cache';
import { createSyncSchedule, type SyncSchedule } from './sync-schedule';
import type { WorkerText } from '../model/worker-text';

/**
 * What the worker holds for one life (it is stopped and started at the browser's will): the
 * database and the in-memory structures read from it. Handlers and listeners share it.
 */
export interface WorkerState {
  /** The live dataset's database, asked at each use: a full v2 install moves it (slots.ts). */
  readonly db: VerdictDb;
  slots: DatasetSlots;
  dataset: DatasetGate;
  /** Lookups answer from memory: the packed match-key index, read once per worker life. */
  lookupIndex: LookupIndexCache;
  /** Built on the first search, rebuilt only after another dataset is installed. */
  search: SearchService;
  settings: SettingsCache;
  sync: SyncSchedule;
  productSites: ProductSites;
  /** Installs the dataset shipped with the extension over whatever is installed. */
  resetToBundled(): Promise<void>;
  /** Told whenever another dataset was installed (bundled, synced or reset). */
  readonly datasetChanged: Set<() => void>;
}

/** Everything has the browser's default; tests hand in fakes. */
export interface WorkerStateOptions {
  db?: VerdictDb;
  installBundled?: (db: VerdictDb) => Promise<void>;
  productSites?: ProductSites;
  fetch?: typeof fetch;
  now?: () => Date;
}

export function createWorkerState(options: WorkerStateOptions = {}): WorkerState {
  const slots = createDatasetSlots(options.db ?? new VerdictDb());
  const live = () => slots.live;
  const now = options.now ?? (() => new Date());
  // Shown in the options' status: lookups answered "no verdict" everywhere until this.
  const reportRepair = async (problem: IndexProblem) => {
    const message = `The lookup index was ${problem === 'missing' ? 'missing' : 'damaged'} and was rebuilt from the installed dataset.`;
    const text: WorkerText = {
      code: problem === 'missing' ? 'indexMissing' : 'indexDamaged',
      params: {},
    };
    console.warn(`Verdict Lens: ${message}`);
    await live().meta.update('current', { lastRepair: { at: now().toISOString(), message, text } });
  };
  const lookupIndex = createLookupIndexCache(() => readLookupIndex(live(), reportRepair));
  const datasetChanged = new Set<() => void>();
  const installed = () => {
    lookupIndex.invalidate();
    for (const listener of datasetChanged) listener();
  };
  const install = options.installBundled ?? installBundled;
  const bundled = () => install(live()).then(installed);
  const dataset = createDatasetGate(() => slots.ready(), bundled);
  const productSites = options.productSites ?? createProductSites(live);
  const sync = createSyncSchedule({
    slots,
    // The index is read before the install's transaction holds its table: lookups during the
    // install answer from memory, from the dataset still installed.
    ensureDataset: () =>
      dataset
        .ensure()
        .then(() => lookupIndex.get())
        .then(() => undefined),
    onInstalled: installed,
    afterInstall: productSites.refresh,
    fetch: options.fetch ?? ((...args) => fetch(...args)),
    now,
  });
  return {
    get db() {
      return slots.live;
    },
    slots,
    dataset,
    lookupIndex,
    search: createSearchService(live),
    settings: createSettingsCache(),
    sync,
    productSites,
    datasetChanged,
    async resetToBundled() {
      // A sync in flight would install its feed over the reset; the user's last word wins.
      await sync.idle();
      await bundled();
      await productSites.refresh();
    },
  };
}
