import { createExtensionHost } from './host-element';
import type { Theme } from './theme';
import { uiMessage } from '../model/ui-message';

/** How long the notice stays when nothing in it has the focus. */
const SHOWN_MS = 15_000;

const CSS = `.vl-toast{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);z-index:2147483647;
display:flex;gap:12px;align-items:center;max-width:calc(100vw - 32px);box-sizing:border-box;
padding:10px 12px 10px 16px;border-radius:10px;border:1px solid #d1d9e0;background:#fff;
color:#1f2328;box-shadow:0 8px 24px rgba(66,74,83,.2);
font:14px/1.4 -apple-system,BlinkMacSystemFont,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif}
.vl-toast[data-theme=dark]{background:#151b23;color:#f0f6fc;border-color:#3d444d}
button{font:inherit;color:inherit;cursor:pointer;border-radius:6px;padding:2px 10px;
border:1px solid currentColor;background:transparent}
button.vl-x{border:0;font-size:18px;line-height:1;padding:2px 6px}
button:focus-visible{outline:2px solid #0969da;outline-offset:2px}
@media (forced-colors:active){.vl-toast{border-color:CanvasText}}`;

export interface HiddenToastOptions {
  site: string;
  theme: Theme;
  /** Shows the badges again; false when that failed. */
  undo: () => Promise<boolean>;
  signal: AbortSignal;
}

/**
 * "Badges hidden on github.com. Undo": the notice after "Hide on this site", outside the badge
 * (which is gone by then), with the focus on Undo so a keyboard user can take it back at once.
 */
export async function showHiddenToast({ site, theme, undo, signal }: HiddenToastOptions) {
  const { host, container: root } = await createExtensionHost('toast', CSS);
  const box = document.createElement('div');
  box.className = 'vl-toast';
  box.dataset.theme = theme;
  box.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = uiMessage('toast_hidden', site);
  const undoButton = document.createElement('button');
  undoButton.type = 'button';
  undoButton.textContent = uiMessage('toast_undo');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'vl-x';
  close.textContent = '×';
  close.setAttribute('aria-label', uiMessage('toast_dismiss'));
  box.append(text, undoButton, close);
  root.append(box);
  document.body.append(host);

  const done = new AbortController();
  const remove = () => {
    done.abort();
    host.remove();
  };
  const gone = AbortSignal.any([signal, done.signal]);
  gone.addEventListener('abort', () => host.remove(), { once: true });
  // Only the user's own clicks and keys: a page script's synthetic events do nothing here.
  undoButton.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      undoButton.disabled = true;
      text.textContent = uiMessage('toast_showing');
      void undo().then((ok) => {
        if (ok) remove();
        else text.textContent = uiMessage('toast_failed');
      });
    },
    { signal: gone },
  );
  close.addEventListener('click', (event) => event.isTrusted && remove(), { signal: gone });
  box.addEventListener(
    'keydown',
    (event) => event.isTrusted && event.key === 'Escape' && remove(),
    { signal: gone },
  );
  const timer = setTimeout(function expire() {
    if (root.contains(document.activeElement) || host.matches(':focus-within')) {
      setTimeout(expire, SHOWN_MS);
    } else remove();
  }, SHOWN_MS);
  gone.addEventListener('abort', () => clearTimeout(timer), { once: true });
  undoButton.focus();
}
