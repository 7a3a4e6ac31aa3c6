import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PopoverApp } from './PopoverApp';
import type { MountedPopover, PopoverMount } from '../../lib/content/ui-bridge';

/**
 * React over the drawn badge (badge-host.ts), opened: the user has just clicked it. `reviewers`
 * are the ones the user follows, read with the answer, so a reviewer switched off never shows,
 * not even for one render.
 */
export function mountPopover({
  container,
  host,
  badge,
  theme,
  actions,
  answer,
  reviewers,
}: PopoverMount): MountedPopover {
  const root = createRoot(container);
  // Props of the first render only (useState initial values): later renders keep the state.
  const first = { initialOpen: true, initialAnswer: answer, initialReviewers: reviewers };
  const draw: MountedPopover['render'] = (next, nextTheme) =>
    // Synchronous, so the drawn badge is never replaced by an empty container (no flash).
    flushSync(() =>
      root.render(
        <PopoverApp badge={next} theme={nextTheme} host={host} actions={actions} {...first} />,
      ),
    );
  draw(badge, theme);
  return { render: draw, unmount: () => root.unmount() };
}
