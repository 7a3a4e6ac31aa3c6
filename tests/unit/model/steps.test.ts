import { describe, expect, it } from 'vitest';
import {
  budgetOf,
  OverBudgetError,
  runNow,
  runYielding,
  sortInSteps,
  STEP_ITEMS,
  type Steps,
} from '../../../lib/model/steps';
import { prng } from '../../../scripts/synth';

describe('sortInSteps', () => {
  it.each([0, 1, STEP_ITEMS - 1, STEP_ITEMS, STEP_ITEMS * 3 + 7, 10_000])(
    'sorts %d items as a stable native sort does',
    (n) => {
      const random = prng(n + 1);
      const items = Array.from({ length: n }, (_, i) => ({ key: Math.floor(random() * 50), i }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(runNow(sortInSteps(items, byKey))).toEqual([...items].sort(byKey));
    },
  );

  it('yields at least once per STEP_ITEMS items merged', () => {
    const items = Array.from({ length: STEP_ITEMS * 8 }, (_, i) => -i);
    const steps = sortInSteps(items, (a, b) => a - b);
    let yields = 0;
    while (!steps.next().done) yields++;
    // 8 runs sorted, then 3 merge passes of all the items.
    expect(yields).toBeGreaterThanOrEqual(8 + 3 * 8);
  });
});

describe('runYielding', () => {
  function* counted(n: number, log: string[]): Steps<number> {
    for (let i = 0; i < n; i++) {
      log.push(`step ${i}`);
      yield;
    }
    return n;
  }

  it('gives the event loop a turn between steps with a zero slice', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('turn'), 0);
    expect(await runYielding(counted(3, log), { sliceMs: 0 })).toBe(3);
    expect(log.indexOf('turn')).toBeGreaterThan(0);
    expect(log.indexOf('turn')).toBeLessThan(log.length - 1);
  });

  it('stops past the deadline and closes the generator', async () => {
    let t = 0;
    const log: string[] = [];
    const run = runYielding(counted(100, log), { budget: budgetOf(5, () => t++) });
    await expect(run).rejects.toBeInstanceOf(OverBudgetError);
    expect(log.length).toBeLessThan(10);
  });
});
