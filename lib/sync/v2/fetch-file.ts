import { sha256Hex } from '../../feed/v2/digest';
import type { SyncError } from '../../model/dataset-meta';
import { DEFAULT_TIMEOUT_MS, fetchFeed, syncError } from '../fetch-feed';

export interface FileDeps {
  fetch: typeof fetch;
  now: () => Date;
  timeoutMs?: number;
}

/**
 * A file the manifest names, as text, once its size and SHA-256 are the manifest's: nothing of a
 * file that does not match is parsed. Content-addressed, so the HTTP cache may serve it.
 */
export async function fetchNamedFile(
  base: string,
  ref: { path: string; sha256: string; bytes: number },
  deps: FileDeps,
): Promise<{ ok: true; text: string } | { ok: false; error: SyncError }> {
  const url = new URL(ref.path, base).href;
  const fetched = await fetchFeed(url, {
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // One byte over what the manifest says is already a mismatch.
    maxBytes: ref.bytes + 1,
    cache: 'default',
  });
  const now = deps.now();
  if (fetched.kind === 'error')
    return {
      ok: false,
      error: syncError(
        fetched.code,
        { code: 'fileFailed', params: { path: ref.path, detail: fetched.message } },
        `${ref.path}: ${fetched.message}`,
        now,
      ),
    };
  if (fetched.kind === 'not-modified')
    return {
      ok: false,
      error: syncError(
        'http',
        { code: 'fileFailed', params: { path: ref.path, detail: 'HTTP 304' } },
        `${ref.path} answered 304 to a plain request.`,
        now,
      ),
    };
  const hash = await sha256Hex(fetched.bytes);
  if (fetched.bytes.byteLength !== ref.bytes || hash !== ref.sha256)
    return {
      ok: false,
      error: syncError(
        'hash-mismatch',
        { code: 'fileMismatch', params: { path: ref.path } },
        `${ref.path} is not the file the signed manifest names (${fetched.bytes.byteLength} bytes, SHA-256 ${hash.slice(0, 12)}…; expected ${ref.bytes} bytes, ${ref.sha256.slice(0, 12)}…). The installed dataset is kept.`,
        now,
      ),
    };
  return { ok: true, text: fetched.text };
}
