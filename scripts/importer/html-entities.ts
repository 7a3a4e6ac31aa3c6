/**
 * A small entity decoder: the Latin-1 names, typographic punctuation and the handful of symbols
 * review sites actually emit. A full HTML5 table (2,000+ names) is not worth bundling; an unknown
 * name is left as written so nothing is silently lost.
 */

// HTML 4 names for U+00A0..U+00FF, in code point order.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

// prettier-ignore
const OTHER: Record<string, number> = {
  amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, horbar: 0x2015,
  lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e,
  lsaquo: 0x2039, rsaquo: 0x203a, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026,
  permil: 0x2030, prime: 0x2032, Prime: 0x2033, euro: 0x20ac, trade: 0x2122, minus: 0x2212,
  larr: 0x2190, uarr: 0x2191, rarr: 0x2192, darr: 0x2193, harr: 0x2194,
  lArr: 0x21d0, rArr: 0x21d2, hArr: 0x21d4, le: 0x2264, ge: 0x2265, ne: 0x2260, asymp: 0x2248,
  infin: 0x221e, check: 0x2713, cross: 0x2717, starf: 0x2605, star: 0x2606, hearts: 0x2665,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192,
  circ: 0x2c6, tilde: 0x2dc, colon: 0x3a, comma: 0x2c, period: 0x2e, excl: 0x21, quest: 0x3f,
  num: 0x23, dollar: 0x24, percnt: 0x25, lpar: 0x28, rpar: 0x29, ast: 0x2a, plus: 0x2b,
  equals: 0x3d, sol: 0x2f, bsol: 0x5c, verbar: 0x7c, vert: 0x7c, lowbar: 0x5f, grave: 0x60,
  lsqb: 0x5b, rsqb: 0x5d, lcub: 0x7b, rcub: 0x7d, Tab: 0x09, NewLine: 0x0a,
};

const NAMED = new Map<string, string>();
LATIN1.split(' ').forEach((name, i) => NAMED.set(name, String.fromCodePoint(0xa0 + i)));
for (const [name, cp] of Object.entries(OTHER)) NAMED.set(name, String.fromCodePoint(cp));

// Browsers read &#128;–&#159; as Windows-1252, and old CMSs still emit &#147; for “.
// prettier-ignore
const CP1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x2c6, 0x89: 0x2030, 0x8a: 0x160, 0x8b: 0x2039, 0x8c: 0x152, 0x8e: 0x17d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x2dc,
  0x99: 0x2122, 0x9a: 0x161, 0x9b: 0x203a, 0x9c: 0x153, 0x9e: 0x17e, 0x9f: 0x178,
};

function fromNumeric(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(CP1252[cp] ?? cp);
}

// Numeric references may omit the semicolon (browsers accept it); named ones must carry it, so
// prose like "R&D" or "&copy2024" stays as written.
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));?|&([A-Za-z][A-Za-z0-9]{1,31});/g;

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromNumeric(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromNumeric(Number.parseInt(hex, 16));
    return (name !== undefined && NAMED.get(name)) || whole;
  });
}
