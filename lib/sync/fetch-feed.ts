import type { SyncError, SyncErrorCode } from '../model/dataset-meta';
import type { WorkerText } from '../model/worker-text';

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
  /** `message` in English, `text` for a page to say in its own language. */
  | { kind: 'error'; code: SyncErrorCode; message: string; text: WorkerText };

const failure = (code: SyncErrorCode, message: string, text: WorkerText): FetchResult => ({
  kind: 'error',
  code,
  message,
  text,
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

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
const tooLarge = (maxBytes: number) =>
  failure('too-large', `The feed is larger than ${megabytes(maxBytes)} MB.`, {
    code: 'tooLarge',
    params: { megabytes: megabytes(maxBytes) },
  });

/** A conditional GET with a deadline and a byte cap counted while the body streams in. */
export async function fetchFeed(url: string, opts: FetchOptions): Promise<FetchResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
  const seconds = opts.timeoutMs / 1000;
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
        return failure('timeout', `The feed did not answer within ${seconds} s.`, {
          code: 'timeout',
          params: { seconds },
        });
      const detail = error instanceof Error ? error.message : String(error);
      return failure('network', `Could not reach the feed (${detail}).`, {
        code: 'network',
        params: { detail },
      });
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
        { code: 'redirect', params: {} },
      );
    }
    if (!response.ok) {
      const { status } = response;
      return failure('http', `The feed answered HTTP ${status}.`, {
        code: 'http',
        params: { status },
      });
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBytes) return tooLarge(opts.maxBytes);
    let bytes: Uint8Array | null;
    try {
      bytes = response.body
        ? await readCapped(response.body, opts.maxBytes, abort.signal)
        : new Uint8Array();
    } catch (error) {
      if (abort.signal.aborted)
        return failure('timeout', `The feed did not arrive within ${seconds} s.`, {
          code: 'timeoutBody',
          params: { seconds },
        });
      const detail = error instanceof Error ? error.message : String(error);
      return failure('network', `The feed download broke off (${detail}).`, {
        code: 'networkBody',
        params: { detail },
      });
    }
    if (bytes === null) return tooLarge(opts.maxBytes);
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

/** `message` in English; `text`, the same for a page to say in its own language. */
export function syncError(
  code: SyncErrorCode,
  text: WorkerText,
  message: string,
  now: Date,
  path?: string,
): SyncError {
  return path === undefined
    ? { code, message, text, at: now.toISOString() }
    : { code, message, text, path, at: now.toISOString() };
}
