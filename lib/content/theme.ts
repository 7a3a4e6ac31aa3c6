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

/**
 * Calls `onChange` when the page switches theme (GitHub's `data-color-mode`, Hugging Face's
 * `dark` class) or the browser's preference changes, until `signal` aborts.
 */
export function watchTheme(
  doc: Document,
  media: MediaQueryList,
  onChange: () => void,
  signal: AbortSignal,
): void {
  const observer = new MutationObserver(onChange);
  observer.observe(doc.documentElement, {
    attributes: true,
    attributeFilter: ['data-color-mode', 'class'],
  });
  media.addEventListener('change', onChange, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
