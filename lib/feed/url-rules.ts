import { hostProblem } from './host-name';
import type { WorkerText } from '../model/worker-text';

/** A refusal's `message` is in English; its `text` is for a page to say in its own language. */
export type FeedUrlCheck =
  { ok: true; url: string } | { ok: false; message: string; text: WorkerText };

const DEV_HOSTS = new Set(['localhost', '127.0.0.1']);

const refuse = (message: string, text: WorkerText): FeedUrlCheck => ({ ok: false, message, text });

/** Feeds come over https; plain http only from this machine, for development. */
export function checkFeedUrl(input: string): FeedUrlCheck {
  const trimmed = input.trim();
  if (trimmed === '') return refuse('Enter a feed URL.', { code: 'urlEmpty', params: {} });
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse(`"${trimmed}" is not a URL.`, { code: 'urlNotUrl', params: { url: trimmed } });
  }
  // Whitespace inside an address is always a typo (the parser would keep it as %20).
  if (/\s/.test(trimmed))
    return refuse(`"${trimmed}" has a space in it.`, {
      code: 'urlSpace',
      params: { url: trimmed },
    });
  const badHost = url.protocol === 'https:' || url.protocol === 'http:' ? hostProblem(url) : null;
  if (badHost) return { ok: false, ...badHost };
  if (url.username || url.password)
    return refuse('Feed URLs may not carry a user name or password.', {
      code: 'urlCredentials',
      params: {},
    });
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:' && DEV_HOSTS.has(url.hostname)) return { ok: true, url: url.href };
  if (url.protocol === 'http:') {
    return refuse(
      'The feed must use https:// (http:// is allowed only for localhost and 127.0.0.1).',
      { code: 'urlHttp', params: {} },
    );
  }
  return refuse(`${url.protocol} URLs are not allowed: the feed must use https://.`, {
    code: 'urlScheme',
    params: { scheme: url.protocol },
  });
}
