import { afterEach, describe, expect, it } from 'vitest';
import type { VerdictDb } from '../../../lib/store/db';
import { installFeed, readMeta } from '../../../lib/store/install';
import {
  backoffMinutes,
  syncFeed,
  type SyncDeps,
  type SyncOutcome,
} from '../../../lib/sync/sync-feed';
import { dropDbs, faultyDb, freshDb, hashRows } from '../support/db';
import {
  fakeFetch,
  hangingFetch,
  jsonResponse,
  streamedResponse,
  syntheticFeed,
  textResponse,
  toFeed,
  type FeedJson,
} from '../support/feeds';
import type { SyncErrorCode } from '../../../lib/model/dataset-meta';

const FEED_URL = 'https://feeds.synthetic.test/verdicts.json';
const OTHER_URL = 'https://other.synthetic.test/verdicts.json';
const ETAG = '"synthetic-etag-1"';
const LAST_MODIFIED = 'Wed, 01 Jan 2025 00:00:00 GMT';
const INSTALLED_AT = new Date('2025-03-01T00:00:00Z');
const LATER = new Date('2025-03-02T12:00:00Z');

afterEach(dropDbs);

const deps = (fetchFn: typeof fetch, over: Partial<SyncDeps> = {}): SyncDeps => ({
  fetch: fetchFn,
  now: () => LATER,
  ...over,
});

function expectFailed(outcome: SyncOutcome, code: SyncErrorCode) {
  expect(outcome.kind).toBe('failed');
  if (outcome.kind !== 'failed') throw new Error('unreachable');
  expect(outcome.error.code).toBe(code);
  // Every failure has a text the options page can say in its own language.
  expect(outcome.error.text?.code).toEqual(expect.any(String));
  return outcome.error;
}

/** A db holding a known-good feed synced from FEED_URL, with validators, and its fingerprint. */
async function withInstalledFeed(db: VerdictDb = freshDb()) {
  const good = fakeFetch(() =>
    jsonResponse(syntheticFeed({ tag: 'installed' }), {
      headers: { etag: ETAG, 'last-modified': LAST_MODIFIED },
    }),
  );
  const outcome = await syncFeed(db, FEED_URL, deps(good.fetch, { now: () => INSTALLED_AT }));
  expect(outcome.kind).toBe('updated');
  return { db, hash: await hashRows(db) };
}

interface BadCase {
  name: string;
  fetch: () => typeof fetch;
  code: SyncErrorCode;
  path?: string;
  message?: RegExp;
  deps?: Partial<SyncDeps>;
}

const feedText = (feed: FeedJson) => JSON.stringify(feed);
const respondWith = (make: () => Response) => () => fakeFetch(make).fetch;

function tenThousandWithOneBad(): FeedJson {
  const feed = syntheticFeed({ tools: 250, verdicts: 10_000, tag: 'big' });
  (feed.verdicts[7777] as unknown as Record<string, unknown>).panelShip = 'lots';
  return feed;
}

function danglingTool(): FeedJson {
  const feed = syntheticFeed({ tag: 'dangling' });
  feed.verdicts[2]!.toolId = 'synthetic-missing-tool';
  return feed;
}

/** A response with read-only fields a browser sets, which Node's Response cannot be built with. */
const browserResponse = (
  response: Response,
  fields: Partial<Pick<Response, 'type' | 'redirected'>>,
) =>
  Object.defineProperties(
    response,
    Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value }])),
  );

const BAD_RESPONSES: BadCase[] = [
  {
    name: 'HTTP 302 to plain http on another host (as Node reports a manual redirect)',
    fetch: respondWith(() =>
      textResponse('', {
        status: 302,
        headers: { location: 'http://elsewhere.synthetic.test/feed.json' },
      }),
    ),
    code: 'redirect',
    message: /redirects to another address/,
  },
  {
    name: 'a redirect as browsers report it with redirect: manual (opaque)',
    fetch: respondWith(() =>
      browserResponse(textResponse(feedText(syntheticFeed({ tag: 'new' }))), {
        type: 'opaqueredirect',
      }),
    ),
    code: 'redirect',
  },
  {
    name: 'a response that says it followed a redirect',
    fetch: respondWith(() =>
      browserResponse(textResponse(feedText(syntheticFeed({ tag: 'new' }))), { redirected: true }),
    ),
    code: 'redirect',
  },
  {
    name: 'HTTP 404',
    fetch: respondWith(() => textResponse('nope', { status: 404 })),
    code: 'http',
    message: /404/,
  },
  {
    name: 'HTTP 500',
    fetch: respondWith(() => textResponse('oops', { status: 500 })),
    code: 'http',
    message: /500/,
  },
  {
    name: 'network error (fetch rejects)',
    fetch: () =>
      fakeFetch(() => {
        throw new TypeError('fetch failed');
      }).fetch,
    code: 'network',
    message: /fetch failed/,
  },
  {
    name: 'an HTML page with 200',
    fetch: respondWith(() => textResponse('<!doctype html><html><body>Login</body></html>')),
    code: 'not-json',
    message: /HTML/,
  },
  {
    name: 'an empty body',
    fetch: respondWith(() => textResponse('')),
    code: 'not-json',
    message: /empty/,
  },
  {
    name: 'truncated JSON',
    fetch: respondWith(() => textResponse(feedText(syntheticFeed({ tag: 'new' })).slice(0, -40))),
    code: 'not-json',
  },
  {
    name: 'an unknown version',
    fetch: respondWith(() => jsonResponse({ ...syntheticFeed({ tag: 'new' }), version: 2 })),
    code: 'invalid',
    path: 'version',
    message: /version/,
  },
  {
    name: 'one malformed record among 10,000 synthetic verdicts',
    fetch: respondWith(() => jsonResponse(tenThousandWithOneBad())),
    code: 'invalid',
    path: 'verdicts[7777].panelShip',
  },
  {
    name: 'a dangling toolId',
    fetch: respondWith(() => jsonResponse(danglingTool())),
    code: 'invalid',
    path: 'verdicts[2].toolId',
    message: /synthetic-missing-tool/,
  },
  {
    name: 'a stale generatedAt from the same URL',
    fetch: respondWith(() =>
      jsonResponse(syntheticFeed({ tag: 'old', generatedAt: '2024-12-31T23:59:59Z' })),
    ),
    code: 'stale',
    message: /older/,
  },
  {
    name: 'over the byte cap by content-length (body itself is small and valid)',
    fetch: respondWith(() =>
      textResponse(feedText(syntheticFeed({ tag: 'new' })), {
        headers: { 'content-length': String(10 * 1024 * 1024) },
      }),
    ),
    code: 'too-large',
    deps: { maxBytes: 1024 * 1024 },
  },
  {
    name: 'over the byte cap while streaming (no content-length)',
    fetch: respondWith(() => {
      const text = feedText(syntheticFeed({ tag: 'new' }));
      return streamedResponse([text.slice(0, 200), text.slice(200)]);
    }),
    code: 'too-large',
    deps: { maxBytes: 300 },
  },
  {
    name: 'a fetch that never answers',
    fetch: hangingFetch,
    code: 'timeout',
    deps: { timeoutMs: 50 },
  },
  {
    name: 'a body that stalls until aborted',
    fetch: () =>
      fakeFetch(({ init }) => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"version":1,'));
            init?.signal?.addEventListener('abort', () =>
              controller.error(new DOMException('aborted', 'AbortError')),
            );
          },
        });
        return new Response(stream);
      }).fetch,
    code: 'timeout',
    deps: { timeoutMs: 50 },
  },
];

describe('syncFeed refuses a bad response and keeps the installed dataset', () => {
  it.each(BAD_RESPONSES)('$name → $code', async (bad) => {
    const { db, hash } = await withInstalledFeed();
    const before = await readMeta(db);

    const outcome = await syncFeed(db, FEED_URL, deps(bad.fetch(), bad.deps));

    const error = expectFailed(outcome, bad.code);
    expect(await hashRows(db)).toBe(hash);
    const meta = await readMeta(db);
    expect(meta?.lastError).toEqual(error);
    expect(error.at).toBe(LATER.toISOString());
    expect(meta?.lastCheckedAt).toBe(LATER.toISOString());
    expect(meta?.failures).toBe((before?.failures ?? 0) + 1);
    if (bad.path) {
      expect(error.path).toBe(bad.path);
      expect(error.message).toContain(bad.path);
    } else {
      expect(error).not.toHaveProperty('path');
    }
    if (bad.message) expect(error.message).toMatch(bad.message);
  });
});

describe('controls for the refusals above', () => {
  it('the same synthetic feed under the byte cap is installed (streamed or declared)', async () => {
    const text = feedText(syntheticFeed({ tag: 'new' }));
    const bytes = new TextEncoder().encode(text).byteLength;
    for (const make of [
      () => streamedResponse([text.slice(0, 200), text.slice(200)]),
      () => textResponse(text, { headers: { 'content-length': String(bytes) } }),
    ]) {
      const { db } = await withInstalledFeed();
      const outcome = await syncFeed(
        db,
        FEED_URL,
        deps(fakeFetch(make).fetch, { maxBytes: bytes }),
      );
      expect(outcome.kind).toBe('updated');
    }
  });

  it('the 10,000-verdict synthetic feed without its bad record is installed', async () => {
    const { db } = await withInstalledFeed();
    const feed = syntheticFeed({ tools: 250, verdicts: 10_000, tag: 'big' });
    const outcome = await syncFeed(db, FEED_URL, deps(fakeFetch(() => jsonResponse(feed)).fetch));
    expect(outcome.kind).toBe('updated');
    expect(await db.verdicts.count()).toBe(10_000);
  });

  it('an older feed from a different URL is not stale: it replaces the dataset', async () => {
    const { db, hash } = await withInstalledFeed();
    const old = syntheticFeed({ tag: 'old', generatedAt: '2024-12-31T23:59:59Z' });
    const outcome = await syncFeed(db, OTHER_URL, deps(fakeFetch(() => jsonResponse(old)).fetch));
    expect(outcome.kind).toBe('updated');
    expect(await hashRows(db)).not.toBe(hash);
    expect((await readMeta(db))?.generatedAt).toBe(old.generatedAt);
  });

  it('a feed with the same generatedAt from the same URL is installed again', async () => {
    const { db } = await withInstalledFeed();
    const same = syntheticFeed({ tag: 'same-time' });
    const outcome = await syncFeed(db, FEED_URL, deps(fakeFetch(() => jsonResponse(same)).fetch));
    expect(outcome.kind).toBe('updated');
  });
});

describe('a refused URL', () => {
  it('is recorded as bad-url without fetching', async () => {
    const { db, hash } = await withInstalledFeed();
    const stub = fakeFetch(() => jsonResponse(syntheticFeed({ tag: 'new' })));
    const outcome = await syncFeed(db, 'http://example.com/feed.json', deps(stub.fetch));
    const error = expectFailed(outcome, 'bad-url');
    expect(error.message).toMatch(/https/);
    expect(stub.calls).toHaveLength(0);
    expect(await hashRows(db)).toBe(hash);
    expect((await readMeta(db))?.lastError).toEqual(error);
  });
});

describe('304 Not Modified', () => {
  it('sends the validators for the same URL and changes nothing but lastCheckedAt', async () => {
    const { db, hash } = await withInstalledFeed();
    const before = await readMeta(db);
    const stub = fakeFetch(() => textResponse('', { status: 304 }));

    const outcome = await syncFeed(db, FEED_URL, deps(stub.fetch));

    expect(outcome).toEqual({ kind: 'not-modified' });
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0]?.url).toBe(FEED_URL);
    expect(stub.calls[0]?.headers['if-none-match']).toBe(ETAG);
    expect(stub.calls[0]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(await hashRows(db)).toBe(hash);
    const after = await readMeta(db);
    expect(before?.lastCheckedAt).toBe(INSTALLED_AT.toISOString());
    expect(after).toEqual({ ...before, lastCheckedAt: LATER.toISOString() });
  });

  it('clears an earlier error and the failure count', async () => {
    const { db } = await withInstalledFeed();
    await syncFeed(db, FEED_URL, deps(fakeFetch(() => textResponse('', { status: 500 })).fetch));
    expect((await readMeta(db))?.failures).toBe(1);
    await syncFeed(db, FEED_URL, deps(fakeFetch(() => textResponse('', { status: 304 })).fetch));
    const meta = await readMeta(db);
    expect(meta?.lastError).toBeNull();
    expect(meta?.failures).toBe(0);
  });

  it('sends no validators when the URL changed', async () => {
    const { db } = await withInstalledFeed();
    const stub = fakeFetch(() => jsonResponse(syntheticFeed({ tag: 'other' })));
    await syncFeed(db, OTHER_URL, deps(stub.fetch));
    expect(stub.calls[0]?.headers).not.toHaveProperty('if-none-match');
    expect(stub.calls[0]?.headers).not.toHaveProperty('if-modified-since');
  });

  it('is an error from another URL: nothing was asked conditionally, so the old data is not current', async () => {
    const { db, hash } = await withInstalledFeed();
    const outcome = await syncFeed(
      db,
      OTHER_URL,
      deps(fakeFetch(() => textResponse('', { status: 304 })).fetch),
    );
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('http');
    expect(await hashRows(db)).toBe(hash);
    expect((await readMeta(db))?.source).toBe(FEED_URL);
  });
});

describe('a good feed', () => {
  it('is asked for without cookies and without following redirects', async () => {
    const { db } = await withInstalledFeed();
    const stub = fakeFetch(() => jsonResponse(syntheticFeed({ tag: 'next' })));
    await syncFeed(db, FEED_URL, deps(stub.fetch));
    expect(stub.calls[0]?.init).toMatchObject({ credentials: 'omit', redirect: 'manual' });
  });

  it('replaces the dataset and records validators, counts and success', async () => {
    const { db, hash } = await withInstalledFeed();
    await syncFeed(db, FEED_URL, deps(fakeFetch(() => textResponse('', { status: 500 })).fetch));
    const next = syntheticFeed({
      tools: 5,
      verdicts: 9,
      comparisons: 2,
      tag: 'next',
      generatedAt: '2025-02-01T00:00:00Z',
    });
    const headers = {
      etag: '"synthetic-etag-2"',
      'last-modified': 'Sat, 01 Feb 2025 00:00:00 GMT',
    };
    const stub = fakeFetch(() => jsonResponse(next, { headers }));

    const outcome = await syncFeed(db, FEED_URL, deps(stub.fetch));

    expect(outcome.kind).toBe('updated');
    const meta = await readMeta(db);
    expect(meta).toEqual({
      id: 'current',
      source: FEED_URL,
      version: 1,
      generatedAt: next.generatedAt,
      etag: headers.etag,
      lastModified: headers['last-modified'],
      counts: { tools: 5, verdicts: 9, reviewers: 6, comparisons: 2 },
      installedAt: LATER.toISOString(),
      lastCheckedAt: LATER.toISOString(),
      lastSuccessAt: LATER.toISOString(),
      lastError: null,
      failures: 0,
    });
    if (outcome.kind === 'updated') expect(outcome.meta).toEqual(meta);
    expect(await hashRows(db)).not.toBe(hash);

    // Same rows as installing the feed straight into an empty database.
    const reference = freshDb();
    const from = { source: FEED_URL, etag: headers.etag, lastModified: headers['last-modified'] };
    await installFeed(reference, toFeed(next), from, LATER);
    expect(await hashRows(db)).toBe(await hashRows(reference));
  });

  it('normalizes the URL it records as the source', async () => {
    const db = freshDb();
    const stub = fakeFetch(() => jsonResponse(syntheticFeed()));
    await syncFeed(db, '  HTTPS://Feeds.Synthetic.TEST/verdicts.json ', deps(stub.fetch));
    expect(stub.calls[0]?.url).toBe(FEED_URL);
    expect((await readMeta(db))?.source).toBe(FEED_URL);
  });

  it('accepts a BOM and surrounding whitespace', async () => {
    const { db } = await withInstalledFeed();
    const text = `\uFEFF \n${feedText(syntheticFeed({ tag: 'bom' }))}\n`;
    const outcome = await syncFeed(db, FEED_URL, deps(fakeFetch(() => textResponse(text)).fetch));
    expect(outcome.kind).toBe('updated');
  });
});

describe('a failure while writing rolls the install back', () => {
  /** A synthetic feed big enough to take several chunks (the store writes 2,000 rows at a time). */
  const big = () => syntheticFeed({ tools: 200, verdicts: 5000, tag: 'big' });

  async function failSecondVerdictChunk(error: () => Error) {
    const { db, setFault } = faultyDb();
    const { hash } = await withInstalledFeed(db);
    let adds = 0;
    setFault((table, req) =>
      table === 'verdicts' && req.type === 'add' && ++adds === 2 ? error() : null,
    );
    const outcome = await syncFeed(db, FEED_URL, deps(fakeFetch(() => jsonResponse(big())).fetch));
    setFault(null);
    expect(adds).toBeGreaterThanOrEqual(2);
    return { db, hash, outcome };
  }

  it('a storage error leaves the old dataset and is recorded as storage', async () => {
    const { db, hash, outcome } = await failSecondVerdictChunk(() => new Error('injected'));
    const error = expectFailed(outcome, 'storage');
    expect(error.message).toContain('injected');
    expect(await hashRows(db)).toBe(hash);
    expect((await readMeta(db))?.lastError).toEqual(error);
  });

  it('a QuotaExceededError is recorded as storage-full', async () => {
    const { db, hash, outcome } = await failSecondVerdictChunk(
      () => new DOMException('synthetic quota', 'QuotaExceededError'),
    );
    const error = expectFailed(outcome, 'storage-full');
    expect(await hashRows(db)).toBe(hash);
    expect((await readMeta(db))?.lastError).toEqual(error);
  });

  it('a QuotaExceededError reported per record (Dexie BulkError) is storage-full too', async () => {
    const { db, setFault } = faultyDb();
    const { hash } = await withInstalledFeed(db);
    let adds = 0;
    setFault((table, req) =>
      table === 'verdicts' && req.type === 'add' && ++adds === 2
        ? {
            numFailures: 1,
            failures: { 0: new DOMException('synthetic quota', 'QuotaExceededError') },
            lastResult: undefined,
          }
        : null,
    );
    const outcome = await syncFeed(db, FEED_URL, deps(fakeFetch(() => jsonResponse(big())).fetch));
    expectFailed(outcome, 'storage-full');
    expect(await hashRows(db)).toBe(hash);
  });

  it('control: the same big feed installs when nothing fails', async () => {
    const { db, setFault } = faultyDb();
    await withInstalledFeed(db);
    let adds = 0;
    setFault((table, req) => void (table === 'verdicts' && req.type === 'add' && adds++));
    const outcome = await syncFeed(db, FEED_URL, deps(fakeFetch(() => jsonResponse(big())).fetch));
    expect(outcome.kind).toBe('updated');
    expect(adds).toBe(3);
    expect(await db.verdicts.count()).toBe(5000);
  });
});

describe('backoff', () => {
  it.each([
    [0, 6, 1],
    [1, 6, 1],
    [2, 6, 2],
    [3, 6, 4],
    [6, 6, 32],
    [9, 6, 256],
    [10, 6, 360],
    [50, 6, 360],
    [7, 1, 60],
  ])('after %i failures with a %i h interval: %i min', (failures, hours, minutes) => {
    expect(backoffMinutes(failures, hours)).toBe(minutes);
  });

  it('consecutive failures count up and a success resets them', async () => {
    const { db } = await withInstalledFeed();
    const broken = fakeFetch(() => textResponse('', { status: 503 })).fetch;
    for (let i = 1; i <= 3; i++) {
      await syncFeed(db, FEED_URL, deps(broken));
      expect((await readMeta(db))?.failures).toBe(i);
    }
    await syncFeed(
      db,
      FEED_URL,
      deps(fakeFetch(() => jsonResponse(syntheticFeed({ tag: 'ok' }))).fetch),
    );
    expect((await readMeta(db))?.failures).toBe(0);
  });
});
