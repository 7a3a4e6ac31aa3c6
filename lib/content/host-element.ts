import { createIsolatedElement } from '@webext-core/isolated-element';
import { SHADOW_MODE } from './shadow-mode';

/** What a page can fake: every event a page script dispatches arrives with isTrusted false. */
const ACTING_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
] as const;

export interface ExtensionHost {
  host: HTMLElement;
  /** Where the UI goes, inside the shadow root. */
  container: HTMLElement;
}

/**
 * A shadow-root host for the lens's UI (the badge, the "hidden" notice) that a page can neither
 * pre-empt nor drive:
 *
 * - a plain `<span>`, not a custom element: a page that defines `verdict-lens-badge` first (or
 *   later, which upgrades existing elements) would run its own constructor on our host and
 *   could attach its own shadow root first. No page registry decides what a span is.
 * - the shadow root is closed outside the e2e build (shadow-mode.ts): a page script cannot read
 *   the popover's quotes (which reviewers the user follows) or reach the buttons.
 * - events a page script dispatches (`isTrusted` false) are stopped at the shadow root, before
 *   the drawn badge's or React's listeners (React listens on the container, below the root):
 *   a page cannot open the popover, open compare tabs or press "Hide on this site".
 *
 * The e2e and bench builds mark the host (`data-verdict-lens-host`) so tests can find it.
 */
export async function createExtensionHost(
  kind: 'badge' | 'toast',
  css: string,
): Promise<ExtensionHost> {
  const {
    parentElement: host,
    shadow,
    isolatedElement: container,
  } = await createIsolatedElement({
    name: 'span',
    css: { textContent: `:host{all:initial !important;}\n${css}` },
    mode: SHADOW_MODE,
    // Keys typed in the popover must not trigger the site's own shortcuts.
    isolateEvents: true,
  });
  for (const type of ACTING_EVENTS) {
    shadow.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted) event.stopImmediatePropagation();
      },
      { capture: true },
    );
  }
  if (import.meta.env.MODE === 'e2e' || import.meta.env.MODE === 'bench')
    host.dataset.verdictLensHost = kind;
  return { host, container };
}
