/**
 * What the worker leaves in a page beside a script it injects (lib/background/page-scripts.ts):
 * it must come through `scripting.executeScript`'s arguments whole, nulls included.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { injectLens, injectListChips } from '../../../lib/background/page-scripts';
import { PAGE_GLOBALS } from '../../../lib/content/page-globals';
import type { BadgeSummary } from '../../../lib/model/answers';

const g = globalThis as unknown as Record<string, unknown>;
const badge: BadgeSummary = {
  toolId: 'ml-intern',
  toolName: 'ml-intern',
  verdictId: 'ml-intern',
  panelShip: 75,
};
const RATED = 'https://github.com/huggingface/ml-intern';
const UNRATED = 'https://github.com/synthetic-unrated/not-in-the-dataset';
const PAGE = 'https://github.com/search?q=ml&type=repositories';

/**
 * What Chrome's argument conversion does to an object's null-valued properties (seen on the
 * bench's list page: 91 results left, 1 arrived): drops them. Arrays keep their items.
 */
function stripNullProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNullProperties);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, stripNullProperties(v)]),
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  // A page in this realm: a `func` runs here with its arguments converted as Chrome does.
  const executeScript = vi.fn(
    async (injection: { func?: (...args: unknown[]) => unknown; args?: unknown[] }) => {
      const args = stripNullProperties(injection.args ?? []) as unknown[];
      return [{ frameId: 0, result: injection.func?.(...args) }];
    },
  );
  Object.assign(fakeBrowser.scripting, { executeScript });
});
afterEach(() => {
  delete g[PAGE_GLOBALS.firstLinks];
  delete g[PAGE_GLOBALS.firstAnswer];
});

describe('the value left beside an injected script', () => {
  it('keeps a list’s unrated results, whose badges are null', async () => {
    const answer = { [RATED]: badge, [UNRATED]: null };
    expect(await injectListChips(1, 0, { url: PAGE, answer })).toBe(true);
    expect(g[PAGE_GLOBALS.firstLinks]).toEqual({ url: PAGE, answer });
  });

  it('leaves the lens’s answer the same way', async () => {
    const answer = { found: true as const, badge };
    expect(await injectLens(1, { url: RATED, answer })).toBe(true);
    expect(g[PAGE_GLOBALS.firstAnswer]).toEqual({ url: RATED, answer });
  });

  it('leaves nothing when the worker has nothing to leave', async () => {
    expect(await injectListChips(1, 0)).toBe(true);
    expect(PAGE_GLOBALS.firstLinks in g).toBe(false);
  });
});
