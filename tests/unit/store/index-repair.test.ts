import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isIntactIndex, readLookupIndex } from '../../../lib/store/index-repair';
import { installFeed, readMeta } from '../../../lib/store/install';
import { buildLookupIndex } from '../../../lib/store/lookup-index';
import { OVERLAY, type LookupIndexRow } from '../../../lib/store/rows';
import { feedStatusLines } from '../../../lib/ui/feed-status';
import { dropDbs, freshDb } from '../support/db';
import { syntheticFeed, toFeed } from '../support/feeds';
import { CONTENT_SENDER, testWorker } from '../support/worker';

beforeEach(() => fakeBrowser.reset());
afterEach(dropDbs);

const REPO = 'https://github.com/synthetic-org/tool-0';

async function installed() {
  const db = freshDb();
  await installFeed(db, toFeed(syntheticFeed({ tools: 5, verdicts: 8 })), { source: 'bundled' });
  const original = (await db.lookupIndex.get('current'))!;
  return { db, original };
}

describe('readLookupIndex', () => {
  it('returns an intact index as stored, and reports nothing', async () => {
    const { db, original } = await installed();
    const onRepair = vi.fn();
    expect(await readLookupIndex(db, onRepair)).toEqual([original]);
    expect(onRepair).not.toHaveBeenCalled();
  });

  it('returns every intact part as stored: shard parts and an overlay', async () => {
    const { db, original } = await installed();
    const overlay = { ...buildLookupIndex([], []), id: OVERLAY, tools: [], drops: [] };
    await db.lookupIndex.bulkPut([{ ...original, id: 's0001' }, overlay]);
    await db.lookupIndex.delete('current');
    const onRepair = vi.fn();
    expect(await readLookupIndex(db, onRepair)).toEqual([overlay, { ...original, id: 's0001' }]);
    expect(onRepair).not.toHaveBeenCalled();
  });

  it('rebuilds a missing index from the rows, stores it and reports it', async () => {
    const { db, original } = await installed();
    await db.lookupIndex.delete('current');
    const onRepair = vi.fn();
    expect(await readLookupIndex(db, onRepair)).toEqual([original]);
    expect(onRepair).toHaveBeenCalledWith('missing');
    expect(await db.lookupIndex.get('current')).toEqual(original);
  });

  it('rebuilds when only an overlay is left (its base parts are gone), in place of it', async () => {
    const { db, original } = await installed();
    await db.lookupIndex.clear();
    await db.lookupIndex.put({ ...buildLookupIndex([], []), id: OVERLAY, tools: [], drops: [] });
    const onRepair = vi.fn();
    expect(await readLookupIndex(db, onRepair)).toEqual([original]);
    expect(onRepair).toHaveBeenCalledWith('missing');
    expect(await db.lookupIndex.toArray()).toEqual([original]);
  });

  it('rebuilds when the overlay is damaged: its lists of tools and hidden keys', async () => {
    const { db, original } = await installed();
    const overlay = { ...buildLookupIndex([], []), id: OVERLAY, tools: [], drops: [7] };
    await db.lookupIndex.put(overlay as unknown as LookupIndexRow);
    const onRepair = vi.fn();
    expect(await readLookupIndex(db, onRepair)).toEqual([original]);
    expect(onRepair).toHaveBeenCalledWith('corrupt');
    expect(await db.lookupIndex.toArray()).toEqual([original]);
  });

  type Row = LookupIndexRow;
  it.each<[string, (row: Row) => Partial<Record<keyof Row, unknown>>]>([
    ['offsets cut short', () => ({ keyStarts: new Uint32Array([0, 1]) })],
    [
      'a badge reference past the end',
      (row) => ({ keyBadges: new Uint32Array(row.keyBadges.length).fill(4000) }),
    ],
    ['offsets that go back', (row) => ({ keyStarts: row.keyStarts.slice().reverse() })],
    [
      'not typed arrays (a structured-clone accident)',
      (row) => ({ keyStarts: [...row.keyStarts] }),
    ],
    ['keys text shorter than its offsets', () => ({ keys: 'x' })],
  ])('rebuilds a corrupt index: %s', async (_name, damage) => {
    const { db, original } = await installed();
    const damaged = { ...original, ...damage(original) } as Row;
    expect(isIntactIndex(damaged)).toBe(false);
    await db.lookupIndex.put(damaged);
    const onRepair = vi.fn();
    expect(await readLookupIndex(db, onRepair)).toEqual([original]);
    expect(onRepair).toHaveBeenCalledWith('corrupt');
  });

  it('has nothing to rebuild before any dataset is installed', async () => {
    const onRepair = vi.fn();
    expect(await readLookupIndex(freshDb(), onRepair)).toEqual([]);
    expect(onRepair).not.toHaveBeenCalled();
  });
});

describe('the worker with its lookup index deleted', () => {
  it('still finds the page’s tool, and the options status says the index was rebuilt', async () => {
    const w = testWorker({ bundled: syntheticFeed({ tools: 3, verdicts: 3 }) });
    await w.state.dataset.ensure();
    await w.db.lookupIndex.clear();
    w.state.lookupIndex.invalidate();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const answer = await w.content.lookupPage({ type: 'lookupPage', url: REPO }, CONTENT_SENDER);
    warn.mockRestore();
    expect(answer.found).toBe(true);
    const meta = (await readMeta(w.db))!;
    expect(meta.lastRepair?.message).toBe(
      'The lookup index was missing and was rebuilt from the installed dataset.',
    );
    expect(meta.lastRepair?.text).toEqual({ code: 'indexMissing', params: {} });
    expect(feedStatusLines(meta, false, 'en').at(-1)).toMatch(
      /^Repaired .*: The lookup index was missing/,
    );
  });
});
