/**
 * The preview of a long text: at most `at` characters, cut at the last word boundary before
 * that (a word longer than the whole preview is cut at `at`), with "…". Null when the text is
 * short enough to show whole.
 */
export function foldText(text: string, at: number): string | null {
  if (text.length <= at) return null;
  const head = text.slice(0, at + 1);
  // The last whitespace that still leaves some text before it.
  const space = head.search(/\s\S*$/);
  const cut = space > 0 ? head.slice(0, space) : text.slice(0, at);
  return `${cut.trimEnd()}…`;
}
