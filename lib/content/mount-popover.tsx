import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { LensApp } from '../../components/LensApp';
import type { MountedPopover, PopoverMount } from './ui-bridge';

/** React over the drawn badge (badge-host.ts), opened: the user has just clicked it. */
export function mountPopover({
  container,
  host,
  badge,
  theme,
  actions,
}: PopoverMount): MountedPopover {
  const root = createRoot(container);
  // Synchronous, so the drawn badge is never replaced by an empty container (no flash).
  flushSync(() =>
    root.render(<LensApp badge={badge} theme={theme} host={host} actions={actions} initialOpen />),
  );
  return {
    render(next, nextTheme) {
      flushSync(() =>
        root.render(
          <LensApp badge={next} theme={nextTheme} host={host} actions={actions} initialOpen />,
        ),
      );
    },
    unmount: () => root.unmount(),
  };
}
