import { readMeta } from '../store/install';
import type { VerdictDb } from '../store/db';

export interface DatasetGate {
  /** Resolves once a dataset is installed: at once after the first check of a worker's life. */
  ensure(): Promise<void>;
}

/**
 * First run, or a profile whose database was wiped: the bundled dataset answers until a feed
 * does. Once a dataset is known to be there it stays (installs replace it whole), so every
 * request after the first in a worker's life skips the check.
 */
export function createDatasetGate(
  /** The live database, once the slots' pointer is read (store/slots.ts). */
  liveDb: () => Promise<VerdictDb>,
  installBundled: () => Promise<void>,
): DatasetGate {
  let installed = false;
  let checking: Promise<void> | null = null;
  return {
    ensure() {
      if (installed) return Promise.resolve();
      checking ??= liveDb()
        .then(readMeta)
        .then((meta) => (meta ? undefined : installBundled()))
        .then(() => {
          installed = true;
        })
        .finally(() => {
          checking = null;
        });
      return checking;
    },
  };
}
