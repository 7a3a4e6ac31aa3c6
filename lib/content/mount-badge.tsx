import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { LensApp, type LensActions } from '../../components/LensApp';
import css from '../../components/lens.css?inline';
import type { BadgeUi } from './lens';
import { pageTheme } from './theme';

const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

/** A shadow-root host with the React badge in it; the lens decides where the host goes. */
export async function mountBadge(
  ctx: ContentScriptContext,
  actions: LensActions,
): Promise<BadgeUi> {
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'verdict-lens-badge',
    css,
    position: 'inline',
    // The lens may run before the body exists (document_start); the host is moved right away.
    anchor: 'html',
    append: 'last',
    // Keys typed in the popover must not trigger the site's own shortcuts.
    isolateEvents: true,
    onMount: (container) => createRoot(container),
    onRemove: (root) => root?.unmount(),
  });
  ui.mount();
  // mount() appends to <html>; the lens puts the host where it belongs once it has content.
  ui.shadowHost.remove();
  return {
    host: ui.shadowHost,
    render(answer) {
      // Synchronous, so the host never goes into the page empty (no flash, no layout shift).
      flushSync(() =>
        ui.mounted?.render(
          <LensApp
            answer={answer}
            theme={pageTheme(document, prefersDark)}
            host={ui.shadowHost}
            actions={actions}
          />,
        ),
      );
    },
    remove: () => ui.remove(),
  };
}
