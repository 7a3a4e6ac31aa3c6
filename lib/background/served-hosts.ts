/** Hosts whose pages the content scripts serve out of the box. */
const BUILT_IN = new Set(['github.com', 'www.github.com', 'huggingface.co', 'www.huggingface.co']);

export function isServedHost(host: string): boolean {
  return BUILT_IN.has(host.toLowerCase());
}
