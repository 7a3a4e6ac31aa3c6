import { formatPath, futureProblem } from '../../feed/validate';
import { sha256Hex } from '../../feed/v2/digest';
import { ManifestSchema, V2_LIMITS, type Manifest } from '../../feed/v2/schema';
import { parsePublicKey, parseSignature, verifySignature } from '../../feed/v2/signature';
import type { MetaRow, SignedState, SyncError, SyncErrorCode } from '../../model/dataset-meta';
import type { WorkerText } from '../../model/worker-text';
import { syncError } from '../fetch-feed';

/**
 * A v2 manifest's bytes → the manifest, once its signature checks out with the right key and it
 * is newer than what is installed: every refusal of the issue's list that needs the manifest
 * alone. Nothing it names is fetched before this passes.
 */

export interface Authentic {
  ok: true;
  manifest: Manifest;
  /** SHA-256 of the manifest's bytes: the install's identity. */
  sha256: string;
  publicKey: string;
  keyFrom: SignedState['keyFrom'];
  /** The same manifest as installed (a server without validators sent it again). */
  unchanged: boolean;
}

export type AuthResult = Authentic | { ok: false; error: SyncError };

/** Whether a body is a v2 manifest, told without parsing a large v1 feed twice. */
export function looksLikeManifest(text: string): boolean {
  return (
    text.length <= V2_LIMITS.manifestBytes &&
    /^\s*\{/.test(text) &&
    /"format"\s*:\s*"verdict-lens-feed"/.test(text)
  );
}

/** The signature's address: the manifest's path with `.sig` appended (the query kept). */
export function signatureUrl(manifestUrl: string): string {
  const url = new URL(manifestUrl);
  url.pathname += '.sig';
  return url.href;
}

export interface AuthInput {
  bytes: Uint8Array;
  text: string;
  /** The signature file's text, or null when there was none (HTTP 404). */
  signature: string | null;
  /** The key from the settings ("Feed public key"), '' when none is set. */
  configuredKey: string;
  /** The installed dataset's meta when it came from this same feed URL. */
  installed: MetaRow | undefined;
  now: Date;
}

export async function authenticate(input: AuthInput): Promise<AuthResult> {
  const { now, installed } = input;
  const refuse = (code: SyncErrorCode, text: WorkerText, message: string): AuthResult => ({
    ok: false,
    error: syncError(code, text, message, now),
  });
  const t = <C extends WorkerText['code']>(
    c: C,
    params: Extract<WorkerText, { code: C }>['params'],
  ) => ({ code: c, params }) as WorkerText;
  let json: unknown;
  try {
    json = JSON.parse(input.text);
  } catch {
    json = null;
  }
  const claimed = (json as { publicKey?: unknown } | null)?.publicKey;
  const claimedKey = typeof claimed === 'string' ? claimed : null;

  // Which key: the user's, else the one the installed dataset pinned, else the manifest's own.
  // With the first two, nothing of the manifest is believed before its signature checks out.
  const pinned = installed?.signed?.publicKey;
  let key: string;
  let keyFrom: SignedState['keyFrom'];
  if (input.configuredKey.trim() !== '') {
    const configured = parsePublicKey(input.configuredKey);
    if (!configured.ok)
      return refuse(
        'signature',
        t('keyInvalid', {}),
        `The feed public key is not valid: ${configured.message}`,
      );
    key = configured.key;
    keyFrom = 'settings';
  } else if (pinned) {
    key = pinned;
    keyFrom = 'pinned';
  } else if (claimedKey !== null) {
    key = claimedKey;
    keyFrom = 'pinned';
  } else {
    return json === null
      ? refuse('not-json', t('manifestNotJson', {}), 'The feed manifest is not valid JSON.')
      : refuse(
          'signature',
          t('noKey', {}),
          'The feed manifest names no public key, and none is set.',
        );
  }
  const publicKey = parsePublicKey(key);
  if (!publicKey.ok)
    return refuse(
      'signature',
      t('keyInvalid', {}),
      `The feed's public key is not valid: ${publicKey.message}`,
    );
  if (input.signature === null)
    return refuse(
      'signature',
      t('noSignature', {}),
      'The feed has no signature (manifest.json.sig was not found).',
    );
  const signature = parseSignature(input.signature);
  if (!signature)
    return refuse(
      'signature',
      t('signatureFile', {}),
      'The feed’s signature file is not a signature.',
    );
  if (!(await verifySignature(input.bytes, signature, publicKey.raw))) {
    if (keyFrom === 'pinned' && pinned && claimedKey !== null && claimedKey !== pinned)
      return refuse(
        'key-changed',
        t('keyChanged', { key: claimedKey, pinned }),
        `The feed is now signed with another key (${claimedKey}) than the one it was first installed with (${pinned}). If its publisher changed keys, paste the new key into "Feed public key".`,
      );
    return refuse(
      'signature',
      t(keyFrom === 'settings' ? 'signatureNotYours' : 'signatureMismatch', {}),
      keyFrom === 'settings'
        ? 'The feed’s signature does not match the feed public key you set: it was not signed by that key, or it was changed after signing.'
        : 'The feed’s signature does not match its key: the manifest was changed after signing.',
    );
  }

  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    const error = syncError(
      'invalid',
      t('manifestInvalid', { problem: problems[0] ?? 'invalid' }),
      `The feed manifest was refused: ${problems[0] ?? 'invalid'}.`,
      now,
      formatPath(parsed.error.issues[0]?.path ?? []),
    );
    error.problems = problems.slice(0, 20);
    error.problemCount = problems.length;
    return { ok: false, error };
  }
  const manifest = parsed.data;

  // Only an authentic manifest's dates and seq mean anything.
  const future = futureProblem(manifest.generatedAt, now);
  if (future)
    return refuse(
      'invalid',
      t('manifestInvalid', { problem: `${future.path}: ${future.message}` }),
      `The feed was refused: ${future.path}: ${future.message}.`,
    );
  if (Date.parse(manifest.expiresAt) <= now.getTime())
    return refuse(
      'expired',
      t('expired', { date: manifest.expiresAt }),
      `The feed expired at ${manifest.expiresAt}: its publisher has not renewed it. The installed dataset is kept.`,
    );
  const sha256 = await sha256Hex(input.bytes);
  const installedSeq = installed?.signed?.seq;
  if (installedSeq !== undefined && installed?.signed) {
    if (manifest.seq === installedSeq && sha256 === installed.signed.manifest)
      return { ok: true, manifest, sha256, publicKey: key, keyFrom, unchanged: true };
    if (manifest.seq <= installedSeq)
      return refuse(
        'replay',
        t('replay', { seq: manifest.seq, installed: installedSeq }),
        `The feed is at seq ${manifest.seq}, not newer than the installed seq ${installedSeq}: an old manifest was served again. The installed dataset is kept.`,
      );
  }
  return { ok: true, manifest, sha256, publicKey: key, keyFrom, unchanged: false };
}
