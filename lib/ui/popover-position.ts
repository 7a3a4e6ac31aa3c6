export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export type Placement =
  | { kind: 'gone' }
  | {
      kind: 'below' | 'above';
      left: number;
      top?: number;
      bottom?: number;
      maxHeight: number;
    };

export const POPOVER_WIDTH = 380;
export const POPOVER_GAP = 8;

/**
 * Where the popover goes for its badge: below it when the whole popover fits there, else above it
 * when it fits there, else on the roomier side, cut to that side's height; always inside the
 * viewport. A badge scrolled out of the viewport has nothing to be attached to: "gone".
 */
export function placePopover(badge: Box, height: number, view: Viewport): Placement {
  if (badge.bottom <= 0 || badge.top >= view.height || badge.right <= 0 || badge.left >= view.width)
    return { kind: 'gone' };
  const gap = POPOVER_GAP;
  const width = Math.min(POPOVER_WIDTH, view.width - 2 * gap);
  const left = Math.max(gap, Math.min(badge.left, view.width - width - gap));
  // From the badge's edge (or the viewport's, when the badge is partly outside) to the other edge.
  const top = Math.max(gap, badge.bottom + gap);
  const bottom = Math.min(view.height - gap, badge.top - gap);
  const below = view.height - gap - top;
  const above = bottom - gap;
  const side =
    height <= below ? 'below' : height <= above ? 'above' : below >= above ? 'below' : 'above';
  return side === 'below'
    ? { kind: 'below', left, top, maxHeight: Math.max(0, below) }
    : { kind: 'above', left, bottom: view.height - bottom, maxHeight: Math.max(0, above) };
}
