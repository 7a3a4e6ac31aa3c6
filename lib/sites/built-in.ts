/**
 * The sites the extension serves from install: the one place their hosts are spelled. The
 * manifest (wxt.config.ts), the detectors, the sender policy, the product-site registration and
 * the popover script's matches all read it. Pure data and string checks: it ships in lens.js.
 */

export type BuiltInSite = 'github' | 'huggingface';

export const BUILT_IN_SITES: Readonly<Record<BuiltInSite, { host: string; name: string }>> = {
  github: { host: 'github.com', name: 'GitHub' },
  huggingface: { host: 'huggingface.co', name: 'Hugging Face' },
};

/** The manifest's host permissions and content-script matches for the built-in sites. */
export const BUILT_IN_MATCHES: readonly string[] = Object.values(BUILT_IN_SITES).map(
  ({ host }) => `https://${host}/*`,
);

/**
 * Which built-in site a host is (`www.` and a trailing dot allowed, as browsers accept them),
 * or null. Case-insensitive, like DNS.
 */
export function builtInSiteOf(hostname: string): BuiltInSite | null {
  const host = hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (host === BUILT_IN_SITES.github.host) return 'github';
  if (host === BUILT_IN_SITES.huggingface.host) return 'huggingface';
  return null;
}

export const isBuiltInHost = (host: string): boolean => builtInSiteOf(host) !== null;

/**
 * Hosts (with all their subdomains) that belong to the two code-hosting sites. Their pages are
 * about repositories, not about a product, and a `domain:github.com` lookup would put one verdict
 * on every gist, docs page and raw file.
 */
export const CODE_HOSTING_DOMAINS: readonly string[] = [
  BUILT_IN_SITES.github.host,
  'githubusercontent.com',
  BUILT_IN_SITES.huggingface.host,
  'hf.co',
  'hf.space',
];

export const isCodeHostingHost = (host: string): boolean =>
  CODE_HOSTING_DOMAINS.some((site) => host === site || host.endsWith(`.${site}`));
