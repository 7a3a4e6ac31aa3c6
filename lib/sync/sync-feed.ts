import type { VerdictDb } from '../store/db';
import { INSTALL_BUDGET_MS, installFeed, readMeta } from '../store/install';
import {
  describeProblem,
  describeRefusal,
  feedIssue,
  futureProblem,
  parseFeedSteps,
  refusalText,
} from '../feed/validate';
import { checkFeedUrl } from '../feed/url-rules';
import { scanFeedText } from '../feed/prescan';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, fetchFeed, syncError } from './fetch-feed';
import type { Feed } from '../feed/schema';
import type { FeedProblem } from '../feed/validate';
import type { WorkerText } from '../model/worker-text';
import { MAX_LISTED_PROBLEMS, type MetaRow, type SyncError } from '../model/dataset-meta';
import { budgetOf, OverBudgetError, runNow, runYielding, type Steps } from '../model/steps';
import type { DatasetSlots } from '../store/slots';
import { looksLikeManifest } from './v2/authenticate';
import type { ApplyChanges } from './v2/delta';
import { syncManifest } from './v2/sync-manifest';

export interface SyncDeps {
  fetch: typeof fetch;
  now: () => Date;
  timeoutMs?: number;
  maxBytes?: number;
  /** How long checking and installing may take (INSTALL_BUDGET_MS), on `clock` (Date.now). */
  installBudgetMs?: number;
  clock?: () => number;
  /** How long the checking and the row building run before lookups get a turn. */
  sliceMs?: number;
  /** Feed v2 (docs/feed-format.md): the two dataset databases, the key setting, the delta writer. */
  v2?: { slots: DatasetSlots; publicKey: string; apply?: ApplyChanges };
}

export type SyncOutcome =
  | { kind: 'updated'; meta: MetaRow }
  | { kind: 'not-modified' }
  | { kind: 'failed'; error: SyncError };

type Parsed = { ok: true; feed: Feed } | { ok: false; error: SyncError };

/** Body → a whole valid feed, or one typed error naming where it went wrong, in steps. */
export function* parseFeedTextSteps(text: string, now: Date): Steps<Parsed> {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') {
    const error = syncError('not-json', { code: 'empty', params: {} }, 'The feed was empty.', now);
    return { ok: false, error };
  }
  if (body.startsWith('<')) {
    const message = 'The feed is an HTML page, not JSON. Check the URL.';
    return { ok: false, error: syncError('not-json', { code: 'html', params: {} }, message, now) };
  }
  // Counts and nesting first, on the text: a hostile body is refused before it is parsed.
  const shape = yield* scanFeedText(body);
  if (shape) return { ok: false, error: refusal({ problems: [shape], more: false }, now) };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const text: WorkerText = { code: 'notJson', params: { detail } };
    return {
      ok: false,
      error: syncError('not-json', text, `The feed is not valid JSON (${detail}).`, now),
    };
  }
  yield;
  const result = yield* parseFeedSteps(json, true);
  if (!result.ok) return { ok: false, error: refusal(result, now, true) };
  const future = futureProblem(result.feed.generatedAt, now);
  if (future) return { ok: false, error: refusal({ problems: [future], more: false }, now) };
  return result;
}

/** A refused feed: the first problem and how many more, and when `listed`, each (capped). */
function refusal(
  result: { problems: FeedProblem[]; more: boolean },
  now: Date,
  listed = false,
): SyncError {
  const { problems } = result;
  const error = syncError(
    'invalid',
    refusalText(result),
    describeRefusal(result),
    now,
    problems[0]?.path,
  );
  if (!listed) return error;
  // Every problem, so a feed's author can fix them in one go (capped: a feed can have thousands).
  const kept = problems.slice(0, MAX_LISTED_PROBLEMS);
  error.problems = kept.map(describeProblem);
  error.issues = kept.map(feedIssue);
  error.problemCount = problems.length;
  return error;
}

/** The same at once. */
export const parseFeedText = (text: string, now: Date): Parsed =>
  runNow(parseFeedTextSteps(text, now));

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
      delete m.syncStartedAt;
    });
  return { kind: 'failed', error };
}

/** A check that found the installed dataset current. */
async function recordChecked(
  db: VerdictDb,
  now: Date,
  validators?: { etag: string | null; lastModified: string | null },
): Promise<SyncOutcome> {
  await db.meta
    .where('id')
    .equals('current')
    .modify((m) => {
      m.lastCheckedAt = now.toISOString();
      m.lastError = null;
      m.failures = 0;
      delete m.syncStartedAt;
      if (validators) Object.assign(m, validators);
    });
  return { kind: 'not-modified' };
}

/** Marks a sync as started, before anything can fail: see MetaRow.syncStartedAt. */
async function recordStart(db: VerdictDb, now: Date): Promise<void> {
  await db.meta.update('current', { syncStartedAt: now.toISOString() });
}

const STOPPED = 'the browser or the extension stopped during it';

/**
 * A sync an earlier worker started and never ended (it was stopped, or the browser quit or
 * crashed mid-sync), closed now as a failure so the backoff applies: null when there is none.
 */
export async function closeInterruptedSync(
  db: VerdictDb,
  now: Date,
  /** An error's own words; none: the browser or the extension stopped. */
  why?: string,
): Promise<SyncError | null> {
  const meta = await readMeta(db);
  if (!meta?.syncStartedAt) return null;
  const startedAt = meta.syncStartedAt;
  const error = syncError(
    'interrupted',
    { code: 'interrupted', params: { startedAt, why: why ?? null } },
    `The sync started at ${startedAt} never finished (${why ?? STOPPED}).`,
    now,
  );
  await recordFailure(db, error);
  return error;
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
  await recordStart(db, deps.now());
  const checked = checkFeedUrl(rawUrl);
  if (!checked.ok)
    return recordFailure(db, syncError('bad-url', checked.text, checked.message, deps.now()));
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
    return recordFailure(db, syncError(fetched.code, fetched.text, fetched.message, now));
  if (fetched.kind === 'not-modified' && !sameSource) {
    // Nothing was asked conditionally, so a 304 cannot mean "what you have is current".
    return recordFailure(
      db,
      syncError(
        'http',
        { code: 'notModifiedPlain', params: {} },
        'The feed answered 304 Not Modified to a plain request.',
        now,
      ),
    );
  }
  if (fetched.kind === 'not-modified') return recordChecked(db, now);
  if (looksLikeManifest(fetched.text)) {
    if (!deps.v2)
      return recordFailure(
        db,
        syncError(
          'invalid',
          { code: 'v2Unavailable', params: {} },
          'This build cannot install a v2 feed.',
          now,
        ),
      );
    const outcome = await syncManifest(
      deps.v2.slots,
      { url, ...fetched },
      { fetch: deps.fetch, now: deps.now, timeoutMs: deps.timeoutMs, ...deps.v2 },
    );
    if (outcome.kind === 'failed') return recordFailure(deps.v2.slots.live, outcome.error);
    if (outcome.kind === 'updated') return outcome;
    return recordChecked(deps.v2.slots.live, now, {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
    });
  }
  // Once a feed is signed (a key is set, or this URL's dataset came signed), an unsigned document
  // from it is a downgrade, not a v1 feed: whoever serves it could otherwise skip the signature.
  if (deps.v2 && (deps.v2.publicKey.trim() !== '' || (sameSource && meta.signed))) {
    const message =
      'The feed is not a signed v2 manifest, but this feed is signed (a key is set, or its installed dataset came signed): refused. The installed dataset is kept.';
    return recordFailure(
      db,
      syncError('signature', { code: 'downgrade', params: {} }, message, now),
    );
  }
  const budgetMs = deps.installBudgetMs ?? INSTALL_BUDGET_MS;
  const budget = budgetOf(budgetMs, deps.clock);
  const steps = { budget, sliceMs: deps.sliceMs };
  const seconds = Math.round(budgetMs / 1000);
  const overBudget = () =>
    recordFailure(
      db,
      syncError(
        'too-large',
        { code: 'tooSlow', params: { seconds } },
        `The feed took longer than ${seconds} s to check and install, so it was abandoned; the installed dataset is kept.`,
        now,
      ),
    );
  let parsed: Parsed;
  try {
    parsed = await runYielding(parseFeedTextSteps(fetched.text, now), steps);
  } catch (error) {
    if (error instanceof OverBudgetError) return overBudget();
    throw error;
  }
  if (!parsed.ok) return recordFailure(db, parsed.error);
  // A dataset dated in the future (installed before such feeds were refused) must not make every
  // real feed after it look stale.
  const installedInFuture = sameSource && futureProblem(meta.generatedAt, now) !== null;
  if (
    sameSource &&
    !installedInFuture &&
    Date.parse(parsed.feed.generatedAt) < Date.parse(meta.generatedAt)
  ) {
    const feedDate = parsed.feed.generatedAt;
    const installedDate = meta.generatedAt;
    const message = `The feed is older (${feedDate}) than the one installed (${installedDate}).`;
    const text: WorkerText = { code: 'stale', params: { feedDate, installedDate } };
    return recordFailure(db, syncError('stale', text, message, now));
  }
  try {
    const installed = await installFeed(
      db,
      parsed.feed,
      { source: url, etag: fetched.etag, lastModified: fetched.lastModified },
      now,
      steps,
    );
    return { kind: 'updated', meta: installed };
  } catch (error) {
    if (
      error instanceof OverBudgetError ||
      (error as { inner?: unknown })?.inner instanceof OverBudgetError
    )
      return overBudget();
    if (isQuotaError(error)) {
      return recordFailure(
        db,
        syncError(
          'storage-full',
          { code: 'storageFull', params: {} },
          'Storage full: the feed does not fit on this device.',
          now,
        ),
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    const message = `The feed could not be saved (${detail}).`;
    return recordFailure(
      db,
      syncError('storage', { code: 'storage', params: { detail } }, message, now),
    );
  }
}

/** Minutes until the next try after `failures` failed syncs: 1, 2, 4 … capped at the interval. */
export function backoffMinutes(failures: number, intervalHours: number): number {
  return Math.min(2 ** Math.max(0, failures - 1), intervalHours * 60);
}
