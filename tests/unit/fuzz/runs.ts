/**
 * Shared settings of the property tests. `FUZZ_RUNS` sets the runs per property (300 in `npm test`,
 * 10,000 in `npm run fuzz`); `FUZZ_SEED` replays a run. The seed is random unless given, and always
 * printed, so any failure can be replayed: `FUZZ_SEED=<seed> npx vitest run tests/unit/fuzz`.
 */
import type { Parameters } from 'fast-check';

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return Number(raw);
}

export const FUZZ_RUNS = intFromEnv('FUZZ_RUNS') ?? 300;
/** Per-test timeout: vitest's 5 s default suits 300 runs, not 10,000 on a busy machine. */
export const FUZZ_TIMEOUT_MS = Math.max(5000, FUZZ_RUNS * 10);
// fast-check takes any 32-bit integer as a seed.
export const FUZZ_SEED = intFromEnv('FUZZ_SEED') ?? (Math.random() * 2 ** 31) | 0;

/**
 * fc.assert parameters for one property, with the seed logged. `share` scales the run count for
 * properties that are much slower per run (e.g. a sync through IndexedDB), never below 20 runs.
 */
export function fuzzParams<T>(label: string, share = 1): Parameters<T> {
  const numRuns = Math.max(20, Math.round(FUZZ_RUNS * share));
  console.log(
    `[fuzz] ${label}: seed ${FUZZ_SEED}, ${numRuns} runs (replay: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS})`,
  );
  return { seed: FUZZ_SEED, numRuns };
}
