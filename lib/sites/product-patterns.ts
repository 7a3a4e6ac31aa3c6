/**
 * Product sites are opt-in: the user grants the domains in the dataset, nothing else. A domain
 * covers its subdomains, so each becomes two match patterns.
 */
export function originPatterns(domains: readonly string[]): string[] {
  const out = new Set<string>();
  for (const d of domains) {
    const host = d.toLowerCase();
    out.add(`https://${host}/*`);
    out.add(`https://*.${host}/*`);
  }
  return [...out].sort();
}

const PATTERN = /^https:\/\/(\*\.)?([^/]+)\/\*$/;

/** Whether a host is covered by one of `https://host/*` / `https://*.host/*` patterns. */
export function hostCovered(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase();
  return patterns.some((p) => {
    const m = PATTERN.exec(p);
    if (!m?.[2]) return false;
    return h === m[2] || (m[1] !== undefined && h.endsWith(`.${m[2]}`));
  });
}

/** The domain a pattern of originPatterns() was made from, or null for any other pattern. */
export function patternHost(pattern: string): string | null {
  const host = PATTERN.exec(pattern)?.[2];
  return host === undefined || host.includes('*') ? null : host;
}

/** Patterns of the dataset's product domains the user has not granted yet. */
export function missingPatterns(domains: readonly string[], granted: readonly string[]): string[] {
  return originPatterns(domains).filter((p) => !granted.includes(p));
}
