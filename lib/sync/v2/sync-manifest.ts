import { V2_LIMITS } from '../../feed/v2/schema';
import type { MetaRow, SignedState, SyncError } from '../../model/dataset-meta';
import { emptyDataset, type DatasetSlots } from '../../store/slots';
import { DEFAULT_TIMEOUT_MS, fetchFeed, syncError } from '../fetch-feed';
import { authenticate, signatureUrl } from './authenticate';
import { applyDelta, type ApplyChanges } from './delta';
import { installShards, InstallRefused } from './install-shards';

/**
 * One sync of a v2 feed whose manifest has just been downloaded: authenticate it, then a delta
 * from the installed seq when the manifest lists one, else every shard into the spare database.
 * Nothing the live dataset holds changes unless all of it checked out.
 */

export interface ManifestSyncDeps {
  fetch: typeof fetch;
  now: () => Date;
  timeoutMs?: number;
  /** The "Feed public key" setting; '' to pin the first key seen. */
  publicKey: string;
  /** Writes a delta; applyChanges unless a test stands in. */
  apply?: ApplyChanges;
}

export type ManifestOutcome =
  { kind: 'updated'; meta: MetaRow } | { kind: 'unchanged' } | { kind: 'failed'; error: SyncError };

export interface FetchedManifest {
  url: string;
  bytes: Uint8Array;
  text: string;
  etag: string | null;
  lastModified: string | null;
}

async function fetchSignature(
  url: string,
  deps: ManifestSyncDeps,
): Promise<{ ok: true; text: string | null } | { ok: false; error: SyncError }> {
  const fetched = await fetchFeed(signatureUrl(url), {
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: V2_LIMITS.signatureBytes,
  });
  if (fetched.kind === 'body') return { ok: true, text: fetched.text };
  if (fetched.kind === 'error' && /HTTP 404\b/.test(fetched.message))
    return { ok: true, text: null };
  const message = fetched.kind === 'error' ? fetched.message : 'answered 304 to a plain request';
  return {
    ok: false,
    error: syncError(
      fetched.kind === 'error' ? fetched.code : 'http',
      { code: 'fileFailed', params: { path: 'manifest.json.sig', detail: message } },
      `manifest.json.sig: ${message}`,
      deps.now(),
    ),
  };
}

export async function syncManifest(
  slots: DatasetSlots,
  fetched: FetchedManifest,
  deps: ManifestSyncDeps,
): Promise<ManifestOutcome> {
  const live = slots.live;
  const current = await live.meta.get('current');
  const installed = current?.source === fetched.url ? current : undefined;
  const signature = await fetchSignature(fetched.url, deps);
  if (!signature.ok) return { kind: 'failed', error: signature.error };
  const auth = await authenticate({
    bytes: fetched.bytes,
    text: fetched.text,
    signature: signature.text,
    configuredKey: deps.publicKey,
    installed,
    now: deps.now(),
  });
  if (!auth.ok) return { kind: 'failed', error: auth.error };
  if (auth.unchanged) return { kind: 'unchanged' };
  const { manifest } = auth;
  const at = deps.now().toISOString();
  const meta = (via: SignedState['via']): MetaRow => ({
    id: 'current',
    source: fetched.url,
    version: 2,
    generatedAt: manifest.generatedAt,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    counts: manifest.counts,
    installedAt: at,
    lastCheckedAt: at,
    lastSuccessAt: at,
    lastError: null,
    failures: 0,
    signed: {
      seq: manifest.seq,
      digest: manifest.digest,
      manifest: auth.sha256,
      publicKey: auth.publicKey,
      keyFrom: auth.keyFrom,
      via,
    },
  });
  const file = { fetch: deps.fetch, now: deps.now, timeoutMs: deps.timeoutMs };
  const delta = installed?.signed && manifest.deltas.find((d) => d.from === installed.signed!.seq);
  if (installed?.signed && delta) {
    const outcome = await applyDelta(
      live,
      {
        ref: delta,
        manifestUrl: fetched.url,
        digest: manifest.digest,
        installedDigest: installed.signed.digest,
        meta: meta('delta'),
      },
      { ...file, apply: deps.apply },
    );
    if (outcome.kind === 'refused') return { kind: 'failed', error: outcome.error };
    if (outcome.kind === 'applied') return { kind: 'updated', meta: outcome.meta };
    console.warn(
      `Verdict Lens: delta from seq ${delta.from} not used (${outcome.reason}); installing every shard.`,
    );
  }
  try {
    const written = await installShards(
      slots,
      { manifest, manifestSha: auth.sha256, manifestUrl: fetched.url, meta: meta('shards') },
      file,
    );
    // The old dataset is no longer read; emptied so only one copy takes the disk.
    await emptyDataset(slots.spare());
    return { kind: 'updated', meta: written };
  } catch (error) {
    if (error instanceof InstallRefused) return { kind: 'failed', error: error.error };
    throw error;
  }
}
