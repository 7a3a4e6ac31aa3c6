import { hostCovered } from '../sites/product-patterns';
import { isBuiltInHost } from '../sites/built-in';
import type { VerdictDb } from '../store/db';
import {
  grantedProductPatterns,
  productDomains,
  registeredProductPatterns,
  registerProductScripts,
} from './product-scripts';

export interface ProductSites {
  /** Re-reads the grants and re-registers the product-site script; one run at a time. */
  refresh(): Promise<void>;
  /** Whether content scripts run on this host; read synchronously by the sender check. */
  isServedHost(host: string): boolean;
  /** What the options page shows: the dataset's domains, the grants, where the script runs. */
  describe(): Promise<{ domains: string[]; granted: string[]; active: string[] }>;
}

/** The product sites the user granted, kept in step with permissions and the dataset. */
export function createProductSites(live: () => VerdictDb): ProductSites {
  let granted: string[] = [];
  // Two overlapping refreshes (a reset during a permission change) would both see no script and
  // both register it.
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = () => {
    const run = refreshing.then(async () => {
      granted = await grantedProductPatterns();
      await registerProductScripts(live());
    });
    refreshing = run.catch(() => undefined);
    return run;
  };
  // Known from the worker's start, before any refresh, so the first message is judged right.
  void grantedProductPatterns().then(
    (patterns) => {
      granted = patterns;
    },
    () => undefined,
  );
  return {
    refresh,
    isServedHost: (host) => isBuiltInHost(host) || hostCovered(host, granted),
    describe: async () => ({
      domains: await productDomains(live()),
      granted: await grantedProductPatterns(),
      active: await registeredProductPatterns(),
    }),
  };
}
