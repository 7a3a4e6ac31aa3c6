export type Theme = 'light' | 'dark';

/**
 * The page's own theme: GitHub's `data-color-mode`, Hugging Face's `dark` class, else the
 * browser's preference, so the badge never glares on a dark page.
 */
export function pageTheme(doc: Document, prefersDark: () => boolean): Theme {
  const html = doc.documentElement;
  const mode = html.getAttribute('data-color-mode');
  if (mode === 'dark' || mode === 'light') return mode;
  if (html.classList.contains('dark')) return 'dark';
  return prefersDark() ? 'dark' : 'light';
}
