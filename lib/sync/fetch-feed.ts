import type { SyncError, SyncErrorCode } from '../model/dataset-meta';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

export interface FetchOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  etag?: string | null;
  lastModified?: string | null;
  /**
   * `no-store` by default: our own validators decide a feed's freshness. Content-addressed v2
   * files may come from the HTTP cache (`default`): their hash is checked either way.
   */
  cache?: RequestCache;
}

export type FetchResult =
  | {
      kind: 'body';
      text: string;
      bytes: Uint8Array;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not-modified' }
  | { kind: 'error'; code: SyncErrorCode; message: string };

const failure = (code: SyncErrorCode, message: string): FetchResult => ({
  kind: 'error',
  code,
  message,
});

/**
 * The body up to `maxBytes` (counted as it arrives, after any Content-Encoding is undone, so a
 * small gzip body that inflates past the cap is cut off there), or null past it. Each read races
 * the deadline: a body that trickles in, or a stream that ignores the abort, ends at the deadline.
 */
async function readCapped(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const deadline = new Promise<never>((_, reject) => {
    const stop = () => reject(new Error('the deadline passed'));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  deadline.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await Promise.race([reader.read(), deadline]);
    } catch (error) {
      void reader.cancel().catch(() => undefined);
      throw error;
    }
    const { done, value } = step;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A conditional GET with a deadline and a byte cap counted while the body streams in. */
export async function fetchFeed(url: string, opts: FetchOptions): Promise<FetchResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.etag) headers['If-None-Match'] = opts.etag;
    if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;
    let response: Response;
    try {
      // no-store: our own validators decide freshness, not the HTTP cache.
      response = await opts.fetch(url, {
        headers,
        signal: abort.signal,
        cache: opts.cache ?? 'no-store',
        credentials: 'omit',
        // Requests go to the feed URL the user set and nowhere else (PRIVACY.md): a redirect to
        // another host, or from https to http, is not followed but refused, with the reason.
        redirect: 'manual',
      });
    } catch (error) {
      if (abort.signal.aborted)
        return failure('timeout', `The feed did not answer within ${opts.timeoutMs / 1000} s.`);
      return failure(
        'network',
        `Could not reach the feed (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    if (response.status === 304) return { kind: 'not-modified' };
    // Browsers hide a manual redirect's status and target (an opaque response of status 0);
    // Node's fetch shows both. `redirected` is for a fetch that followed one anyway.
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400) ||
      response.redirected
    ) {
      return failure(
        'redirect',
        'The feed URL redirects to another address, and Verdict Lens downloads only from the address you set. Set the address the feed is served from.',
      );
    }
    if (!response.ok) return failure('http', `The feed answered HTTP ${response.status}.`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBytes)
      return failure('too-large', `The feed is larger than ${mb(opts.maxBytes)}.`);
    let bytes: Uint8Array | null;
    try {
      bytes = response.body
        ? await readCapped(response.body, opts.maxBytes, abort.signal)
        : new Uint8Array();
    } catch (error) {
      if (abort.signal.aborted)
        return failure('timeout', `The feed did not arrive within ${opts.timeoutMs / 1000} s.`);
      return failure(
        'network',
        `The feed download broke off (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    if (bytes === null)
      return failure('too-large', `The feed is larger than ${mb(opts.maxBytes)}.`);
    return {
      kind: 'body',
      text: new TextDecoder().decode(bytes),
      bytes,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  } finally {
    clearTimeout(timer);
  }
}

export function syncError(
  code: SyncErrorCode,
  message: string,
  now: Date,
  path?: string,
): SyncError {
  return path === undefined
    ? { code, message, at: now.toISOString() }
    : { code, message, path, at: now.toISOString() };
}
