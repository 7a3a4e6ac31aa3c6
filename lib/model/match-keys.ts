/**
 * Normalized match keys, the one vocabulary shared by the feed, the database index and the
 * detectors: `github:owner/repo`, `hf:org/name`, `hf:datasets/org/name`, `hf:spaces/org/name`, `hf:kernels/org/name`,
 * `domain:host`. Everything is lower case because both sites resolve names case-insensitively.
 */
export type MatchKey = string;

export const githubKey = (ownerRepo: string): MatchKey => `github:${ownerRepo.toLowerCase()}`;

/** `org/name`, `datasets/org/name`, `spaces/org/name` or `kernels/org/name`. */
export const huggingfaceKey = (repoPath: string): MatchKey => `hf:${repoPath.toLowerCase()}`;

export const domainKey = (host: string): MatchKey => `domain:${host.toLowerCase()}`;

/** Keys a tool is found by (a feed's ToolMatch; spelled out so the feed schema may use the detectors). */
export function toolMatchKeys(match: {
  github: readonly string[];
  huggingface: readonly string[];
  domains: readonly string[];
}): MatchKey[] {
  return [
    ...match.github.map(githubKey),
    ...match.huggingface.map(huggingfaceKey),
    ...match.domains.map(domainKey),
  ];
}

/**
 * A domain in the feed also covers its subdomains, so a host is looked up under itself and each
 * parent that still has a dot (`docs.cursor.com` → `docs.cursor.com`, `cursor.com`), most specific first.
 */
export function domainKeysForHost(hostname: string): MatchKey[] {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  const keys: MatchKey[] = [];
  for (let i = 0; i <= labels.length - 2; i++) keys.push(domainKey(labels.slice(i).join('.')));
  return keys;
}
