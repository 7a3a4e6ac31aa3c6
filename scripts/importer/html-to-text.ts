import { decodeEntities } from './html-entities';

/**
 * Turns a saved review page's HTML into the same one-block-per-line text a browser's "save as
 * text" produces, so one text parser serves both. Regex-based on purpose: it must run in Node and
 * in the extension without a DOM, and the pages are machine-generated, not adversarial.
 */

// Elements whose content is never visible text. svg is here because icon <title>s would leak.
const HIDDEN = ['script', 'style', 'noscript', 'template', 'svg', 'title', 'iframe', 'object'];

const BLOCK = new Set(
  (
    'address article aside blockquote body br caption center dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html ' +
    'legend li main menu nav ol optgroup option p pre section summary table tbody td tfoot th ' +
    'thead tr ul'
  ).split(' '),
);

// A tag, with quoted attribute values allowed to contain ">".
const TAG = /<\/?([A-Za-z][A-Za-z0-9:-]*)(?:"[^"]*"|'[^']*'|[^'">])*>/g;

// Enough tags that a text page quoting a bit of markup is not mistaken for HTML.
const MANY_TAGS = 8;

export function looksLikeHtml(source: string): boolean {
  const start = source
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 16)
    .toLowerCase();
  if (start.startsWith('<!doctype') || start.startsWith('<html') || start.startsWith('<?xml')) {
    return true;
  }
  return (source.match(TAG) ?? []).length >= MANY_TAGS;
}

function dropHidden(html: string): string {
  let out = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, ' ')
    .replace(/<![^>]*>|<\?[^>]*>/g, ' ')
    // </head> is optional in HTML, so <body> also ends it.
    .replace(/<head\b(?:"[^"]*"|'[^']*'|[^'">])*>[\s\S]*?(?:<\/head\s*>|(?=<body\b)|$)/gi, ' ');
  for (const name of HIDDEN) {
    out = out
      .replace(new RegExp(`<${name}\\b(?:"[^"]*"|'[^']*'|[^'">])*/>`, 'gi'), ' ')
      .replace(new RegExp(`<${name}\\b[\\s\\S]*?(?:</${name}\\s*>|$)`, 'gi'), ' ');
  }
  return out;
}

export function htmlToText(html: string): string {
  const flat = dropHidden(html.replace(/^\uFEFF/, ''))
    // Source line breaks are plain whitespace in HTML; only block boundaries break lines.
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(TAG, (_tag, name: string) => (BLOCK.has(name.toLowerCase()) ? '\n' : ''));
  return decodeEntities(flat)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
