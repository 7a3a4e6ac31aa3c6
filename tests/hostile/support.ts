/**
 * The harness of the fault-and-attack suite: a database holding a known-good dataset, a hostile
 * feed synced over it, and lookups asked all the while from the worker's in-memory index. Every
 * feed here is SYNTHETIC (ids `synthetic-…`, hosts under `.test`), built to attack, never data.
 */
import { expect } from 'vitest';
import { createLookupIndexCache } from '../../lib/store/lookup-index';
import type { VerdictDb } from '../../lib/store/db';
import { readMeta } from '../../lib/store/install';
import { syncFeed, type SyncDeps, type SyncOutcome } from '../../lib/sync/sync-feed';
import { githubKey } from '../../lib/model/match-keys';
import { freshDb, hashRows } from '../unit/support/db';
import { fakeFetch, syntheticFeed, textResponse } from '../unit/support/feeds';

/** `npm run fuzz` runs the suite at the sizes the attacks were found at; `npm test` smaller. */
export const FULL = process.env.HOSTILE_SIZE === 'full';
export const size = (ci: number, full: number): number => (FULL ? full : ci);

export const FEED_URL = 'https://feeds.synthetic.test/verdicts.json';
export const NOW = new Date('2026-03-02T12:00:00Z');

/** The tool the good dataset rates, and the key a GitHub page of it looks up. */
const GOOD_KEY = githubKey('synthetic-org/tool-1');

/** A database with a good synthetic dataset synced from FEED_URL, and its fingerprint. */
export async function installedDb(): Promise<{ db: VerdictDb; hash: string }> {
  const db = freshDb();
  const good = syntheticFeed({ tools: 5, verdicts: 8, comparisons: 3, tag: 'good' });
  const outcome = await syncFeed(db, FEED_URL, {
    fetch: fakeFetch(() => textResponse(JSON.stringify(good))).fetch,
    now: () => new Date('2026-03-01T00:00:00Z'),
  });
  expect(outcome.kind).toBe('updated');
  return { db, hash: await hashRows(db) };
}

export interface AttackReport {
  outcome: SyncOutcome;
  /** Lookups answered while the sync ran, each with the badge the good dataset gives. */
  lookups: { answeredMs: number[]; wrong: number };
  /** From the body's arrival to the outcome. */
  elapsedMs: number;
  /** Highest heap used, sampled on every lookup turn, above the heap before the attack. */
  peakHeapMb: number;
}

const p95 = (values: number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
};

/**
 * Syncs `body` (or what `respond` answers) over the good dataset, asking a lookup on every turn
 * of the event loop the sync gives back: the way a GitHub tab's badge asks while a sync runs.
 */
export async function attack(
  db: VerdictDb,
  respond: string | (() => Response | Promise<Response>),
  over: Partial<SyncDeps> = {},
  label = '',
): Promise<AttackReport> {
  const cache = createLookupIndexCache(() => db.lookupIndex.toArray());
  // Read before the sync, as the worker does (worker-state: the index is warm before a sync).
  await cache.get();
  const answeredMs: number[] = [];
  let wrong = 0;
  let running = true;
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  // Each lookup is asked when the previous one is answered, and timed from then: how long a
  // message arriving at that moment would have waited for its answer.
  let askedAt = performance.now();
  const ask = () => {
    if (!running) return;
    void cache.get().then((index) => {
      if (!running) return;
      answeredMs.push(performance.now() - askedAt);
      if (index.find([GOOD_KEY])?.toolId !== 'synthetic-tool-1') wrong++;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      askedAt = performance.now();
      setTimeout(ask, 0);
    });
  };
  const started = performance.now();
  setTimeout(ask, 0);
  const fetch = fakeFetch(typeof respond === 'string' ? () => textResponse(respond) : respond);
  const outcome = await syncFeed(db, FEED_URL, { fetch: fetch.fetch, now: () => NOW, ...over });
  running = false;
  const report: AttackReport = {
    outcome,
    lookups: { answeredMs, wrong },
    elapsedMs: performance.now() - started,
    peakHeapMb: (peakHeap - baseHeap) / 1024 / 1024,
  };
  // Figures for the closing note (docs/feed-format.md): printed, never asserted on.
  console.log(
    `[hostile] ${label || 'attack'}: ${outcome.kind} in ${report.elapsedMs.toFixed(0)} ms, ` +
      `heap +${report.peakHeapMb.toFixed(0)} MB, ${answeredMs.length} lookups answered ` +
      `(wait p95 ${p95(answeredMs).toFixed(1)} ms, max ${Math.max(0, ...answeredMs).toFixed(1)} ms)`,
  );
  return report;
}

/**
 * What every refused attack must leave: a clear reason recorded where the options page reads it,
 * every table as it was, and the lookups asked meanwhile answered from the good dataset.
 */
export async function expectRefused(
  db: VerdictDb,
  hash: string,
  report: AttackReport,
  reason: RegExp,
): Promise<void> {
  expect(report.outcome.kind).toBe('failed');
  if (report.outcome.kind !== 'failed') return;
  expect(report.outcome.error.message).toMatch(reason);
  expect((await readMeta(db))?.lastError?.message).toBe(report.outcome.error.message);
  expect(await hashRows(db)).toBe(hash);
  expect(report.lookups.wrong).toBe(0);
}
