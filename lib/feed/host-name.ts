import type { WorkerText } from '../model/worker-text';

/**
 * Why a parsed URL's host is not a host name a feed can be on, or null when it is. Chromium's URL
 * parser keeps a space in a host (as `%20`) and other characters no DNS name has; this asks for
 * what DNS allows: dot-separated labels of letters, digits and inner hyphens (an international
 * name arrives as `xn--` labels), or an IP address.
 */
export function hostProblem(url: URL): { message: string; text: WorkerText } | null {
  const host = url.hostname;
  if (host === '')
    return { message: 'The URL has no host name.', text: { code: 'urlNoHost', params: {} } };
  // IPv6 in brackets, or IPv4: the URL parser has checked and normalised those.
  if (host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return null;
  const valid =
    host.length <= 253 &&
    host
      .replace(/\.$/, '')
      .split('.')
      .every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label));
  if (valid) return null;
  const shown = decodeHost(host);
  return {
    message: `"${shown}" is not a valid host name.`,
    text: { code: 'urlBadHost', params: { host: shown } },
  };
}

function decodeHost(host: string): string {
  try {
    return decodeURIComponent(host);
  } catch {
    return host;
  }
}
