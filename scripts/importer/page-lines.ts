import { htmlToText, looksLikeHtml } from './html-to-text';

/**
 * The page as trimmed, non-empty lines: HTML is converted first, a BOM and any line-ending style
 * are accepted. Inner whitespace of a line is kept, because quotes must stay verbatim.
 */
export function pageLines(source: string): string[] {
  const text = looksLikeHtml(source) ? htmlToText(source) : source;
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
