/**
 * Long work (checking a feed, building an install's rows) written once as a generator that yields
 * between pieces of bounded size, so it can run to the end at once (tests, the CLI) or give the
 * event loop back between pieces (the worker, where lookups must keep answering meanwhile).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Thrown when work runs past its deadline; the generator is closed first. */
export class OverBudgetError extends Error {
  constructor(readonly budgetMs: number) {
    super(`took longer than ${Math.round(budgetMs / 1000)} s`);
    this.name = 'OverBudgetError';
  }
}

export interface Budget {
  /** When the work must have ended, on `clock`'s scale. */
  deadline: number;
  budgetMs: number;
  clock: () => number;
}

export const budgetOf = (budgetMs: number, clock: () => number = Date.now): Budget => ({
  deadline: clock() + budgetMs,
  budgetMs,
  clock,
});

export function checkBudget(budget: Budget | undefined): void {
  if (budget && budget.clock() > budget.deadline) throw new OverBudgetError(budget.budgetMs);
}

export interface YieldOptions {
  /** Hand the event loop back once a slice has run this long (0: after every step). */
  sliceMs?: number;
  budget?: Budget;
}

/** How long a slice runs before the event loop gets a turn: a lookup waits at most this long. */
export const SLICE_MS = 15;

/**
 * A macrotask's wait, so messages queued meanwhile are handled. Not setTimeout: nested five deep
 * (as a loop of pauses is) it waits at least 4 ms each time, a fifth of every 15 ms slice. Not
 * scheduler.yield: its continuation goes ahead of the tasks already queued, messages included.
 */
function pause(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs the steps, pausing for a macrotask between slices and stopping at the deadline. */
export async function runYielding<T>(steps: Steps<T>, opts: YieldOptions = {}): Promise<T> {
  const sliceMs = opts.sliceMs ?? SLICE_MS;
  let sliceStart = performance.now();
  try {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      checkBudget(opts.budget);
      if (performance.now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
    }
  } finally {
    steps.return(undefined as T);
  }
}

/** Items per step in loops over records: small enough that one step takes well under a slice. */
export const STEP_ITEMS = 512;

/**
 * A stable sort in steps: runs of STEP_ITEMS sorted natively, then merged pairwise
 * (O(n log n) comparisons, one step per STEP_ITEMS items merged).
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += STEP_ITEMS) {
    runs.push(items.slice(i, i + STEP_ITEMS).sort(compare));
    yield;
  }
  if (runs.length === 0) return [];
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]!;
      const b = runs[r + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const out: T[] = new Array<T>(a.length + b.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < a.length || j < b.length) {
        // Stable: on a tie the element of the earlier run goes first.
        if (j >= b.length || (i < a.length && compare(a[i]!, b[j]!) <= 0)) out[k++] = a[i++]!;
        else out[k++] = b[j++]!;
        if (k % STEP_ITEMS === 0) yield;
      }
      next.push(out);
    }
    runs = next;
  }
  return runs[0]!;
}
