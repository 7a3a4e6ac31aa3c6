import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadUi, provideUi, type UiFactory } from '../../../lib/content/ui-bridge';

const factory: UiFactory = () => ({ render: () => undefined, unmount: () => undefined });
const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('loadUi', () => {
  beforeEach(() => {
    delete (globalThis as Record<string, unknown>).__verdictLensUi;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('resolves when the UI script provides itself, before the worker replies', async () => {
    const reply = deferred<boolean>();
    const ui = loadUi(() => reply.promise, 5000);
    provideUi(factory);
    await expect(ui).resolves.toBe(factory);
    reply.resolve(true);
  });

  it('asks nothing once the UI is there', async () => {
    provideUi(factory);
    const ask = vi.fn(async () => true);
    await expect(loadUi(ask, 5000)).resolves.toBe(factory);
    expect(ask).not.toHaveBeenCalled();
  });

  it('rejects when the worker could not inject it, and a later click can still load it', async () => {
    await expect(loadUi(async () => false, 5000)).rejects.toThrow(/could not load/);
    const again = loadUi(async () => true, 5000);
    provideUi(factory);
    await expect(again).resolves.toBe(factory);
  });

  it('rejects when the message fails', async () => {
    await expect(
      loadUi(() => Promise.reject(new Error('Extension context invalidated.')), 5000),
    ).rejects.toThrow(/invalidated/);
  });

  it('rejects when the UI does not arrive in time', async () => {
    const ui = loadUi(() => new Promise<boolean>(() => undefined), 5000);
    const settled = expect(ui).rejects.toThrow(/did not load/);
    await vi.advanceTimersByTimeAsync(5000);
    await settled;
  });

  it('a failed wait leaves no waiter behind', async () => {
    await expect(loadUi(async () => false, 5000)).rejects.toThrow();
    const waiters = (globalThis as unknown as { __verdictLensUi: { waiters: unknown[] } })
      .__verdictLensUi.waiters;
    expect(waiters).toHaveLength(0);
  });
});
