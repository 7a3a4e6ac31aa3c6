import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { LensActions } from '../../components/LensApp';
import css from '../../components/lens.css?inline';
import type { BadgeSummary } from '../lookup-index';
import { drawBadge } from './badge-dom';
import { loadAnswer } from './load-answer';
import type { BadgeUi } from './lens';
import { pageTheme } from './theme';
import type { MountedPopover, UiFactory } from './ui-bridge';

const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

export interface BadgeHostDeps {
  /** Loads the React UI into the page (asks the background) and resolves with its factory. */
  loadUi: () => Promise<UiFactory>;
  actions: LensActions;
}

/**
 * A shadow-root host with the drawn badge in it; the lens decides where the host goes. Opening
 * the badge loads the React UI once, which takes over the same shadow root with the popover open.
 */
export async function createBadgeHost(signal: AbortSignal, deps: BadgeHostDeps): Promise<BadgeUi> {
  // Aborted when this host is removed (another tool, a page without one) or the script stops.
  const removed = new AbortController();
  const gone = AbortSignal.any([signal, removed.signal]);
  // The lens runs without WXT's ContentScriptContext (lifetime.ts); of it, createShadowRootUi
  // only asks to be told when the script stops (and reads `options`, which the lens leaves unset).
  // The listener goes with the host, so a long SPA session does not keep removed hosts alive.
  const uiContext = {
    onInvalidated: (stop: () => void) =>
      signal.addEventListener('abort', stop, { once: true, signal: removed.signal }),
  } as Pick<ContentScriptContext, 'onInvalidated'> as ContentScriptContext;
  const ui = await createShadowRootUi<HTMLElement>(uiContext, {
    name: 'verdict-lens-badge',
    css,
    position: 'inline',
    // The lens may run before the body exists (document_start); the host is moved right away.
    anchor: 'html',
    append: 'last',
    // Keys typed in the popover must not trigger the site's own shortcuts.
    isolateEvents: true,
    onMount: (container) => container,
  });
  ui.mount();
  // mount() appends to <html>; the lens puts the host where it belongs once it has content.
  ui.shadowHost.remove();
  const container = ui.uiContainer;
  const drawn = drawBadge(document);
  container.append(drawn.root);

  let badge: BadgeSummary | null = null;
  let react: MountedPopover | null = null;
  let loading = false;
  const theme = () => pageTheme(document, prefersDark);

  const openPopover = async () => {
    if (react || loading || !badge) return;
    loading = true;
    drawn.button.setAttribute('aria-busy', 'true');
    try {
      // The UI and the whole answer load together, so the popover opens complete.
      const shown = badge;
      const [factory, answer] = await Promise.all([
        deps.loadUi(),
        loadAnswer(deps.actions.pickVerdict, shown).catch(() => null),
      ]);
      // The page may have moved on while the UI loaded.
      if (react || gone.aborted || !badge) return;
      react = factory({
        container,
        host: ui.shadowHost,
        badge,
        theme: theme(),
        actions: deps.actions,
        // Read for the badge the user clicked; the page may have moved to another verdict since.
        answer:
          badge.toolId === shown.toolId && badge.verdictId === shown.verdictId ? answer : null,
      });
      // React has replaced the drawn badge in the container (it clears it on its first render);
      // only now, so a failed mount leaves the badge in place.
      drawn.root.remove();
    } catch (error) {
      // The badge stays; the next click tries again.
      console.warn('Verdict Lens: could not open the verdict', error);
    } finally {
      loading = false;
      drawn.button.removeAttribute('aria-busy');
    }
  };
  // A button: Enter and Space click it too.
  drawn.button.addEventListener('click', () => void openPopover());

  return {
    host: ui.shadowHost,
    render(next) {
      badge = next;
      if (react) react.render(next, theme());
      else drawn.update(next, theme());
    },
    remove() {
      removed.abort();
      react?.unmount();
      react = null;
      ui.remove();
    },
  };
}
