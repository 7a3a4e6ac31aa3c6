/** Hosts whose pages the content scripts serve out of the box. */
const BUILT_IN = new Set(['github.com', 'www.github.com', 'huggingface.co', 'www.huggingface.co']);

export function isBuiltInHost(host: string): boolean {
  return BUILT_IN.has(host.toLowerCase());
}

/** `www.` is the same site to a person: hiding github.com hides www.github.com too. */
export const normalizeHost = (host: string): string => host.toLowerCase().replace(/^www\./, '');

export function isHiddenHost(host: string, hidden: readonly string[]): boolean {
  return hidden.includes(normalizeHost(host));
}
