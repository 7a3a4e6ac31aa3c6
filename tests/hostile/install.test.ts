/**
 * Install work that must stay bounded: a large valid feed leaves lookups their turns while it is
 * checked and built, an install past its time budget is abandoned with the old data kept, and a
 * worker stopped anywhere in a sync leaves the old dataset whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VerdictDb } from '../../lib/store/db';
import { createLookupIndexCache } from '../../lib/store/lookup-index';
import { githubKey } from '../../lib/model/match-keys';
import { prng } from '../../scripts/synth';
import { syncFeed } from '../../lib/sync/sync-feed';
import { dropDbs, faultyDb, hashRows } from '../unit/support/db';
import { fakeFetch, syntheticFeed, textResponse } from '../unit/support/feeds';
import { attack, expectRefused, FEED_URL, installedDb, NOW, size } from './support';

afterEach(dropDbs);

const bigFeed = (tools: number) =>
  JSON.stringify(syntheticFeed({ tools, verdicts: tools, comparisons: tools / 2, tag: 'big' }));

describe('a large valid feed', () => {
  it('gives lookups turns while it is checked and its rows are built, before it writes', async () => {
    const { db: good } = await installedDb();
    // Move the good dataset into a database that tells when the install's first write comes.
    const { db, setFault } = faultyDb();
    await db.open();
    for (const name of good.tables.map((t) => t.name))
      await db.table(name).bulkAdd(await good.table(name).toArray());
    let lookupsBeforeWrite: number | null = null;
    let answered = 0;
    // The install's first write to a data table: the sync's own start record (meta) comes first.
    setFault((table) => {
      if (table !== 'meta') lookupsBeforeWrite ??= answered;
      return null;
    });
    const cache = createLookupIndexCache(() => db.lookupIndex.toArray());
    await cache.get();
    let running = true;
    const ask = () =>
      void cache.get().then((index) => {
        if (!running) return;
        if (index.find([githubKey('synthetic-org/tool-1')])) answered++;
        setTimeout(ask, 0);
      });
    setTimeout(ask, 0);
    const tools = size(4000, 40_000);
    const outcome = await syncFeed(db, FEED_URL, {
      fetch: fakeFetch(() => textResponse(bigFeed(tools))).fetch,
      now: () => NOW,
      // A turn after every step, so the count does not depend on this machine's speed.
      sliceMs: 0,
    });
    running = false;
    expect(outcome.kind).toBe('updated');
    // Steps are at most 512 records: checking and building 4,000 tools takes dozens of them.
    expect(lookupsBeforeWrite).toBeGreaterThanOrEqual(20);
  });

  it('at full speed, lookups asked during the sync answer (figures printed)', async () => {
    const { db } = await installedDb();
    const report = await attack(db, bigFeed(size(4000, 20_000)), {}, 'large valid feed');
    expect(report.outcome.kind).toBe('updated');
    expect(report.lookups.wrong).toBe(0);
  });
});

describe('the time budget', () => {
  it('an install that runs past it is abandoned and the old data kept', async () => {
    const { db, hash } = await installedDb();
    // A clock that moves a second per look: the 30 s budget runs out part way through.
    let t = 0;
    const report = await attack(
      db,
      bigFeed(4000),
      { installBudgetMs: 30_000, clock: () => (t += 1000) },
      'past the budget',
    );
    await expectRefused(
      db,
      hash,
      report,
      /took longer than 30 s to check and install, so it was abandoned/,
    );
  });

  it('the budget also reaches into the write transaction', async () => {
    const { db, hash } = await installedDb();
    // Time passes only once the rows are built and written: the budget ends inside the transaction.
    let writing = false;
    let t = 0;
    const orig = db.table('verdicts').bulkAdd.bind(db.table('verdicts'));
    db.table('verdicts').bulkAdd = ((...args: Parameters<typeof orig>) => {
      writing = true;
      return orig(...args);
    }) as typeof orig;
    const report = await attack(
      db,
      bigFeed(6000),
      { installBudgetMs: 10_000, clock: () => (writing ? (t += 20_000) : t) },
      'past the budget while writing',
    );
    await expectRefused(db, hash, report, /abandoned; the installed dataset is kept/);
  });
});

describe('a worker stopped mid-sync', () => {
  it('at 20 random points, leaves every table as it was, and the next sync works', async () => {
    const random = prng(Number(process.env.HOSTILE_SEED ?? 15));
    const body = bigFeed(size(3000, 12_000));
    // A control run counts the points: clock looks (checking and building) and writes.
    const control = await installedDb();
    let looks = 0;
    let writes = 0;
    {
      const { db, setFault } = faultyDb();
      for (const name of control.db.tables.map((t) => t.name))
        await db.table(name).bulkAdd(await control.db.table(name).toArray());
      setFault(() => void writes++);
      const outcome = await syncFeed(db, FEED_URL, {
        fetch: fakeFetch(() => textResponse(body)).fetch,
        now: () => NOW,
        clock: () => (looks++, 0),
      });
      expect(outcome.kind).toBe('updated');
    }
    expect(looks).toBeGreaterThan(20);
    expect(writes).toBeGreaterThan(5);

    for (let stop = 0; stop < 20; stop++) {
      const { db: good, hash } = await installedDb();
      const { db, setFault } = faultyDb();
      for (const name of good.tables.map((t) => t.name))
        await db.table(name).bulkAdd(await good.table(name).toArray());
      const at = Math.floor(random() * (looks + writes));
      const stopped = new Error(`worker stopped at point ${at}`);
      let look = 0;
      let write = 0;
      setFault(() => (at >= looks && write++ === at - looks ? stopped : null));
      const outcome = await syncFeed(db, FEED_URL, {
        fetch: fakeFetch(() => textResponse(body)).fetch,
        now: () => NOW,
        clock: () => {
          if (at < looks && look++ === at) throw stopped;
          return 0;
        },
      }).catch((error: unknown) => ({ kind: 'stopped' as const, error }));
      expect(outcome.kind, `stop ${stop} at point ${at}`).not.toBe('updated');
      // The worker is gone: what a new one opens is what IndexedDB kept.
      db.close();
      const reopened = new VerdictDb(db.name);
      expect(await hashRows(reopened), `stop ${stop} at point ${at}`).toBe(hash);
      const index = await createLookupIndexCache(() => reopened.lookupIndex.toArray()).get();
      expect(index.find([githubKey('synthetic-org/tool-1')])?.toolId).toBe('synthetic-tool-1');
      const next = await syncFeed(reopened, FEED_URL, {
        fetch: fakeFetch(() => textResponse(body)).fetch,
        now: () => NOW,
      });
      expect(next.kind, `the sync after stop ${stop}`).toBe('updated');
      reopened.close();
    }
  });
});
