import css from './badge-styles.css?inline';
import { createExtensionHost } from './host-element';
import { drawBadge } from './badge-dom';
import { loadAnswer } from './load-answer';
import type { BadgeUi } from './badge-controller';
import { pageTheme, watchTheme } from './theme';
import type { MountedPopover, PopoverActions, UiFactory } from './ui-bridge';
import type { BadgeSummary } from '../model/answers';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
const prefersDark = () => darkQuery().matches;

export interface BadgeHostDeps {
  /** Loads the React UI into the page (asks the background) and resolves with its factory. */
  loadUi: () => Promise<UiFactory>;
  actions: PopoverActions;
}

/**
 * A shadow-root host with the drawn badge in it; the lens decides where the host goes. Opening
 * the badge loads the React UI once, which takes over the same shadow root with the popover open.
 */
export async function createBadgeHost(signal: AbortSignal, deps: BadgeHostDeps): Promise<BadgeUi> {
  // Aborted when this host is removed (another tool, a page without one) or the script stops.
  const removed = new AbortController();
  const gone = AbortSignal.any([signal, removed.signal]);
  // What createShadowRootUi builds for an inline UI, made directly: its mount helpers bring an
  // element-waiting library whose load-time setup every page would pay for (docs/benchmarks.md).
  // The reset keeps page styles out (`all: initial`), as createShadowRootUi's does.
  const { host, container } = await createExtensionHost('badge', css);
  const drawn = drawBadge(document);
  container.append(drawn.root);

  let badge: BadgeSummary | null = null;
  let react: MountedPopover | null = null;
  let loading = false;
  const theme = () => pageTheme(document, prefersDark);
  let shownTheme = theme();

  const openPopover = async () => {
    if (react || loading || !badge) return;
    loading = true;
    drawn.button.setAttribute('aria-busy', 'true');
    try {
      // The UI and the whole answer load together, so the popover opens complete.
      const shown = badge;
      // The followed reviewers too: the first render shows only theirs, never the defaults'.
      const [factory, answer, reviewers] = await Promise.all([
        deps.loadUi(),
        loadAnswer(deps.actions.loadToolAnswer, shown).catch(() => null),
        deps.actions.followedReviewers().catch(() => null),
      ]);
      // The page may have moved on while the UI loaded.
      if (react || gone.aborted || !badge) return;
      shownTheme = theme();
      react = factory({
        container,
        host: host,
        badge,
        theme: shownTheme,
        actions: deps.actions,
        // Read for the badge the user clicked; the page may have moved to another verdict since.
        answer:
          badge.toolId === shown.toolId && badge.verdictId === shown.verdictId ? answer : null,
        reviewers,
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
  // Dark or light as the page is now, not as it was when the badge was drawn.
  watchTheme(
    document,
    darkQuery(),
    () => {
      if (!badge || theme() === shownTheme) return;
      shownTheme = theme();
      if (react) react.render(badge, shownTheme);
      else drawn.update(badge, shownTheme);
    },
    gone,
  );
  // A button: Enter and Space click it too.
  // Only the user's own click (the host's shadow root stops a page's synthetic ones already).
  drawn.button.addEventListener('click', (event) => event.isTrusted && void openPopover());

  return {
    host: host,
    render(next) {
      badge = next;
      shownTheme = theme();
      if (react) react.render(next, shownTheme);
      else drawn.update(next, shownTheme);
    },
    remove() {
      removed.abort();
      react?.unmount();
      react = null;
      host.remove();
      container.replaceChildren();
    },
  };
}
