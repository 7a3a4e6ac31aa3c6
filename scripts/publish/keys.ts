import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PUBLIC_KEY_PREFIX, parsePublicKey, toBase64 } from '../../lib/feed/v2/signature';
import { InputError } from '../importer/files';

/**
 * The publisher's Ed25519 key, through WebCrypto like the client's check (signature.ts). The
 * private key is kept as a JWK file (mode 0600); its public half travels as the one line
 * `ed25519:<base64>` a user pastes into the options page.
 */

export interface SigningKey {
  /** `ed25519:<base64 of the 32 raw bytes>`. */
  publicKey: string;
  sign: (data: Uint8Array) => Promise<Uint8Array>;
}

interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d?: string;
}

function fromBase64Url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

const publicKeyOfJwk = (jwk: Ed25519Jwk): string =>
  PUBLIC_KEY_PREFIX + toBase64(fromBase64Url(jwk.x));

function isEd25519Jwk(value: unknown): value is Ed25519Jwk {
  const jwk = value as Partial<Ed25519Jwk> | null;
  return (
    typeof jwk === 'object' &&
    jwk !== null &&
    jwk.kty === 'OKP' &&
    jwk.crv === 'Ed25519' &&
    typeof jwk.x === 'string' &&
    /^[A-Za-z0-9_-]{43}$/.test(jwk.x) &&
    (jwk.d === undefined || (typeof jwk.d === 'string' && /^[A-Za-z0-9_-]{43}$/.test(jwk.d)))
  );
}

export interface NewKey {
  /** The private key file's text: the JWK, 2-space JSON. */
  privateText: string;
  publicKey: string;
}

export async function generateKey(): Promise<NewKey> {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const jwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as Ed25519Jwk;
  return { privateText: `${JSON.stringify(jwk, null, 2)}\n`, publicKey: publicKeyOfJwk(jwk) };
}

/**
 * Writes a private key readable by its owner only. Without `force` an existing file is never
 * replaced (the `wx` flag fails on one, with no window between a check and the write).
 */
export async function writePrivateKey(
  path: string,
  text: string,
  force: boolean,
  shown = path,
): Promise<void> {
  if (!force) {
    try {
      await writeFile(path, text, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      throw new InputError(
        code === 'EEXIST'
          ? `${shown} exists: refusing to overwrite a key (give --force to replace it)`
          : `cannot write ${shown}: ${(error as Error).message}`,
      );
    }
    return;
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text, { mode: 0o600, flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new InputError(`cannot write ${shown}: ${(error as Error).message}`);
  }
}

async function readKeyFile(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new InputError(
      `cannot read ${shown}: ${code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`,
    );
  }
}

/** The private key file written by `keygen`, ready to sign; its halves are checked to match. */
export async function loadSigningKey(path: string, shown = path): Promise<SigningKey> {
  const text = await readKeyFile(path, shown);
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    jwk = undefined;
  }
  if (!isEd25519Jwk(jwk) || jwk.d === undefined)
    throw new InputError(`${shown} is not an Ed25519 private key (a JWK written by keygen)`);
  const { kty, crv, x, d } = jwk;
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('jwk', { kty, crv, x, d }, 'Ed25519', false, [
      'sign',
    ]);
    publicKey = await crypto.subtle.importKey('jwk', { kty, crv, x }, 'Ed25519', false, ['verify']);
  } catch (error) {
    throw new InputError(`${shown}: WebCrypto refused the key (${(error as Error).message})`);
  }
  const sign = async (data: Uint8Array) =>
    new Uint8Array(
      await crypto.subtle.sign('Ed25519', privateKey, data as Uint8Array<ArrayBuffer>),
    );
  const probe = new TextEncoder().encode('verdict-lens key check');
  if (
    !(await crypto.subtle.verify(
      'Ed25519',
      publicKey,
      (await sign(probe)) as Uint8Array<ArrayBuffer>,
      probe,
    ))
  )
    throw new InputError(`${shown}: its public half ("x") does not belong to its private half`);
  return { publicKey: publicKeyOfJwk(jwk), sign };
}

/**
 * A public key as `validate --key` takes it: the `ed25519:` line itself, or a file holding it
 * (KEYFILE.pub), or a JWK file (the private key file too: only its public half is used).
 */
export async function resolvePublicKey(arg: string, path: string): Promise<string> {
  const direct = parsePublicKey(arg);
  if (direct.ok) return direct.key;
  const text = await readKeyFile(path, arg);
  const line = parsePublicKey(text);
  if (line.ok) return line.key;
  try {
    const jwk: unknown = JSON.parse(text);
    if (isEd25519Jwk(jwk)) return publicKeyOfJwk(jwk);
  } catch {
    // Neither a key line nor JSON: said below.
  }
  throw new InputError(`--key ${arg}: neither an "ed25519:…" key line nor a key file`);
}
