/**
 * The floor extension's popover (scripts/bench/floor-extension.ts): React, injected by its
 * worker when its badge is first clicked, rendering a dialog of four static quotes into the
 * badge's shadow root. What any React popover loaded on first open costs, with nothing of
 * Verdict Lens in it: the popover figures' floor. Bundled by esbuild when the bench starts.
 */
import { createElement as h, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { FLOOR_ID, FLOOR_UI_GLOBAL } from './names';

const QUOTES = [
  'A floor quote about developer experience, about as long as a reviewer’s line on a real tool.',
  'A floor quote about competitors and where it breaks, as long as a skeptic’s line is.',
  'A floor quote about the thesis and the trends it rides, as long as a futurist’s line is.',
  'A floor quote about the job to be done and onboarding, as long as a product line is.',
];

let setOpen: (open: boolean) => void = () => undefined;

function Panel() {
  const [open, set] = useState(true);
  setOpen = set;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && set(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  return h(
    'div',
    { role: 'dialog', 'aria-label': 'Floor verdict' },
    QUOTES.map((quote, i) => h('p', { key: i, 'data-reviewer': `floor-${i}` }, quote)),
  );
}

const root = document.getElementById(FLOOR_ID)?.shadowRoot;
if (root) {
  const container = document.createElement('div');
  root.append(container);
  (globalThis as unknown as Record<string, unknown>)[FLOOR_UI_GLOBAL] = {
    open: () => flushSync(() => setOpen(true)),
  };
  flushSync(() => createRoot(container).render(h(Panel)));
}
