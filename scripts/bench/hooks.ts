import type { Worker } from '@playwright/test';
import type { BenchHooks } from '../../lib/background/bench-hooks';

type HookName = keyof BenchHooks;

/** Calls one of lib/background/bench-hooks.ts's functions in the worker. */
export function hook<K extends HookName>(
  worker: Worker,
  name: K,
  ...args: Parameters<BenchHooks[K]>
): Promise<Awaited<ReturnType<BenchHooks[K]>>> {
  return worker.evaluate(
    ([n, a]) => {
      const hooks = (globalThis as Record<string, unknown>).__verdictLensBench as
        Record<string, (...x: unknown[]) => Promise<unknown>> | undefined;
      if (!hooks) throw new Error('no bench hooks: is this the bench build?');
      return hooks[n as string]!(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchHooks[K]>>>;
}
