import { hostProblem } from './host-name';

export type FeedUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const DEV_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Feeds come over https; plain http only from this machine, for development. */
export function checkFeedUrl(input: string): FeedUrlCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a feed URL.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: `"${trimmed}" is not a URL.` };
  }
  // Whitespace inside an address is always a typo (the parser would keep it as %20).
  if (/\s/.test(trimmed)) return { ok: false, message: `"${trimmed}" has a space in it.` };
  const badHost = url.protocol === 'https:' || url.protocol === 'http:' ? hostProblem(url) : null;
  if (badHost) return { ok: false, message: badHost };
  if (url.username || url.password)
    return { ok: false, message: 'Feed URLs may not carry a user name or password.' };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:' && DEV_HOSTS.has(url.hostname)) return { ok: true, url: url.href };
  if (url.protocol === 'http:') {
    return {
      ok: false,
      message: 'The feed must use https:// (http:// is allowed only for localhost and 127.0.0.1).',
    };
  }
  return {
    ok: false,
    message: `${url.protocol} URLs are not allowed: the feed must use https://.`,
  };
}
