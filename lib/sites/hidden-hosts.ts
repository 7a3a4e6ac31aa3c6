/** `www.` is the same site to a person: hiding github.com hides www.github.com too. */
export const normalizeHost = (host: string): string =>
  host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');

export function isHiddenHost(host: string, hidden: readonly string[]): boolean {
  return hidden.includes(normalizeHost(host));
}
