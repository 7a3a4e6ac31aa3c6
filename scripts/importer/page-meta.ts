import { decodeEntities } from './html-entities';
import { looksLikeHtml } from './html-to-text';

/** Where a saved page says it came from; only what the page itself states. */
export interface PageMeta {
  /** The page's canonical address (`<link rel="canonical">`, else `og:url`), https only. */
  url?: string;
  /** `article:published_time`, when the page states one as an ISO date-time. */
  publishedAt?: string;
}

const TAG = /<(link|meta)\b((?:"[^"]*"|'[^']*'|[^'">])*)>/gi;
const ATTR = /([A-Za-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(ATTR)) {
    out.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? '').trim());
  }
  return out;
}

function httpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The address and date an HTML page states about itself; nothing for a text page. */
export function readPageMeta(source: string): PageMeta {
  if (!looksLikeHtml(source)) return {};
  // Only the head states these; the body may quote other pages' tags.
  const body = source.search(/<body\b/i);
  const head = body > 0 ? source.slice(0, body) : source;
  let canonical: string | undefined;
  let ogUrl: string | undefined;
  let published: string | undefined;
  for (const [, tag, raw] of head.matchAll(TAG)) {
    const a = attributes(raw!);
    if (tag!.toLowerCase() === 'link' && (a.get('rel') ?? '').split(/\s+/).includes('canonical'))
      canonical ??= a.get('href');
    const property = a.get('property') ?? a.get('name');
    if (property === 'og:url') ogUrl ??= a.get('content');
    if (property === 'article:published_time') published ??= a.get('content');
  }
  const meta: PageMeta = {};
  const url = httpsUrl(canonical) ?? httpsUrl(ogUrl);
  if (url) meta.url = url;
  if (published && ISO.test(published) && !Number.isNaN(Date.parse(published)))
    meta.publishedAt = published;
  return meta;
}
