import type { VerdictDb } from '../store/db';
import { installFeed, readMeta } from '../store/install';
import { describeProblem, parseFeed } from '../feed/validate';
import { checkFeedUrl } from '../feed/url-rules';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, fetchFeed, syncError } from './fetch-feed';
import type { Feed } from '../feed/schema';
import { MAX_LISTED_PROBLEMS, type MetaRow, type SyncError } from '../model/dataset-meta';

export interface SyncDeps {
  fetch: typeof fetch;
  now: () => Date;
  timeoutMs?: number;
  maxBytes?: number;
}

export type SyncOutcome =
  | { kind: 'updated'; meta: MetaRow }
  | { kind: 'not-modified' }
  | { kind: 'failed'; error: SyncError };

type Parsed = { ok: true; feed: Feed } | { ok: false; error: SyncError };

/** Body → a whole valid feed, or one typed error naming where it went wrong. */
export function parseFeedText(text: string, now: Date): Parsed {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return { ok: false, error: syncError('not-json', 'The feed was empty.', now) };
  if (body.startsWith('<')) {
    return {
      ok: false,
      error: syncError('not-json', 'The feed is an HTML page, not JSON. Check the URL.', now),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: syncError('not-json', `The feed is not valid JSON (${detail}).`, now),
    };
  }
  const result = parseFeed(json);
  if (result.ok) return result;
  const [first] = result.problems;
  const more =
    result.problems.length > 1 ? ` (and ${result.problems.length - 1} more problems)` : '';
  const error = syncError(
    'invalid',
    `The feed was refused: ${first ? describeProblem(first) : 'invalid'}${more}.`,
    now,
    first?.path,
  );
  // Every problem, so a feed's author can fix them in one go (capped: a feed can have thousands).
  error.problems = result.problems.slice(0, MAX_LISTED_PROBLEMS).map(describeProblem);
  error.problemCount = result.problems.length;
  return { ok: false, error };
}

/**
 * Quota shows up as the error itself, as the `inner` of Dexie's AbortError (the transaction was
 * aborted at commit), or among the `failures` of Dexie's BulkError (a single write was refused).
 */
function isQuotaError(error: unknown): boolean {
  const e = error as { inner?: unknown; failures?: unknown } | null | undefined;
  const failures = Array.isArray(e?.failures) ? (e.failures as unknown[]) : [];
  return [error, e?.inner, ...failures].some(
    (c) => (c as { name?: string } | null | undefined)?.name === 'QuotaExceededError',
  );
}

async function recordFailure(db: VerdictDb, error: SyncError): Promise<SyncOutcome> {
  await db.meta
    .where('id')
    .equals('current')
    .modify((m) => {
      m.lastCheckedAt = error.at;
      m.lastError = error;
      m.failures += 1;
    });
  return { kind: 'failed', error };
}

/**
 * One sync from a feed URL. Everything is checked before the database is touched; the install is
 * one transaction. On any failure the installed dataset stays as it was and the error is recorded.
 */
export async function syncFeed(
  db: VerdictDb,
  rawUrl: string,
  deps: SyncDeps,
): Promise<SyncOutcome> {
  const checked = checkFeedUrl(rawUrl);
  if (!checked.ok) return recordFailure(db, syncError('bad-url', checked.message, deps.now()));
  const url = checked.url;
  const meta = await readMeta(db);
  const sameSource = meta?.source === url;
  const fetched = await fetchFeed(url, {
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: deps.maxBytes ?? DEFAULT_MAX_BYTES,
    etag: sameSource ? meta.etag : null,
    lastModified: sameSource ? meta.lastModified : null,
  });
  const now = deps.now();
  if (fetched.kind === 'error')
    return recordFailure(db, syncError(fetched.code, fetched.message, now));
  if (fetched.kind === 'not-modified' && !sameSource) {
    // Nothing was asked conditionally, so a 304 cannot mean "what you have is current".
    return recordFailure(
      db,
      syncError('http', 'The feed answered 304 Not Modified to a plain request.', now),
    );
  }
  if (fetched.kind === 'not-modified') {
    await db.meta.update('current', {
      lastCheckedAt: now.toISOString(),
      lastError: null,
      failures: 0,
    });
    return { kind: 'not-modified' };
  }
  const parsed = parseFeedText(fetched.text, now);
  if (!parsed.ok) return recordFailure(db, parsed.error);
  if (sameSource && Date.parse(parsed.feed.generatedAt) < Date.parse(meta.generatedAt)) {
    const message = `The feed is older (${parsed.feed.generatedAt}) than the one installed (${meta.generatedAt}).`;
    return recordFailure(db, syncError('stale', message, now));
  }
  try {
    const installed = await installFeed(
      db,
      parsed.feed,
      { source: url, etag: fetched.etag, lastModified: fetched.lastModified },
      now,
    );
    return { kind: 'updated', meta: installed };
  } catch (error) {
    if (isQuotaError(error)) {
      return recordFailure(
        db,
        syncError('storage-full', 'Storage full: the feed does not fit on this device.', now),
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    return recordFailure(db, syncError('storage', `The feed could not be saved (${detail}).`, now));
  }
}

/** Minutes until the next try after `failures` failed syncs: 1, 2, 4 … capped at the interval. */
export function backoffMinutes(failures: number, intervalHours: number): number {
  return Math.min(2 ** Math.max(0, failures - 1), intervalHours * 60);
}
