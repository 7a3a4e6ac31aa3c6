/** Longest slug the feed schema accepts. */
const MAX_SLUG = 128;

// FNV-1a: a stable, dependency-free fingerprint for names with no Latin letters or digits.
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Feed ids from display names: "Cursor v0.50 – Background Agent & Codebase Refactoring" →
 * "cursor-v0-50-background-agent-codebase-refactoring". Accents are folded rather than dropped so
 * "Café" stays readable; a name with nothing slug-able left gets a stable hashed id instead.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug === '' ? `id-${fingerprint(text)}` : slug;
}
