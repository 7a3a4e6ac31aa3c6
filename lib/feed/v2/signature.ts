/**
 * Ed25519 through WebCrypto (Chrome 137+, Firefox 129+, Node 20): the publisher signs the
 * manifest's exact bytes, the client verifies them before reading anything the manifest names.
 * Keys travel as `ed25519:<base64 of the 32 raw bytes>`, one line a person can paste.
 */

export const PUBLIC_KEY_PREFIX = 'ed25519:';

export type PublicKeyResult =
  { ok: true; key: string; raw: Uint8Array } | { ok: false; message: string };

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A key as a user pastes it: surrounding space is dropped, anything else must be exact. */
export function parsePublicKey(text: string): PublicKeyResult {
  const key = text.trim();
  if (!key.startsWith(PUBLIC_KEY_PREFIX))
    return { ok: false, message: `A feed public key starts with "${PUBLIC_KEY_PREFIX}".` };
  const raw = fromBase64(key.slice(PUBLIC_KEY_PREFIX.length));
  if (!raw || raw.byteLength !== 32)
    return { ok: false, message: 'A feed public key is 32 bytes in base64 after "ed25519:".' };
  return { ok: true, key, raw };
}

/** The signature file's text: one base64 line of the 64-byte signature. */
export function parseSignature(text: string): Uint8Array | null {
  const raw = fromBase64(text.trim());
  return raw && raw.byteLength === 64 ? raw : null;
}

export async function verifySignature(
  data: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey(
      'raw',
      publicKey as Uint8Array<ArrayBuffer>,
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(
      'Ed25519',
      key,
      signature as Uint8Array<ArrayBuffer>,
      data as Uint8Array<ArrayBuffer>,
    );
  } catch {
    // A key WebCrypto will not import is no key that signed this.
    return false;
  }
}
