import type { Anchor } from './anchor';

export type Placement = 'inline' | 'floating';

/**
 * Puts the badge's host right after its anchor, or at the end of the body when the page has no
 * anchor; `data-placement` lets the shadow root's own CSS float it in a corner, `data-anchor`
 * names the anchor and `data-size` makes it compact in a top bar. Styling stays inside the
 * shadow root, where page rules (even `!important` ones) cannot override it. Moving the existing
 * host, instead of re-mounting, keeps the popover's state across re-renders.
 */
export function placeHost(host: HTMLElement, anchor: Anchor | null, doc: Document): Placement {
  if (anchor) {
    if (anchor.after.nextElementSibling !== host) anchor.after.after(host);
  } else if (host.parentElement !== doc.body) {
    doc.body.append(host);
  }
  const placement: Placement = anchor ? 'inline' : 'floating';
  setData(host, 'placement', placement);
  setData(host, 'anchor', anchor?.rule.name ?? 'floating');
  setData(host, 'size', anchor?.rule.compact ? 'compact' : 'normal');
  if (!anchor) host.style.setProperty('--vl-float-lift', `${cornerClearance(doc, host)}px`);
  return placement;
}

// Only on change: every write is a mutation the page's own observers see.
function setData(host: HTMLElement, key: string, value: string): void {
  if (host.dataset[key] !== value) host.dataset[key] = value;
}

/** Points near the bottom-right corner where chat buttons and fixed footers sit. */
const PROBES: readonly [number, number][] = [
  [24, 24],
  [72, 24],
  [140, 24],
  [24, 60],
];

/**
 * How far the floating badge must rise to clear what the page pins to the bottom-right corner
 * (a chat button, a cookie bar, a fixed footer): the distance from the viewport's bottom to the
 * top of the highest pinned element under the corner, 0 when the corner is free.
 */
export function cornerClearance(doc: Document, host: HTMLElement): number {
  const view = doc.defaultView;
  if (!view || typeof doc.elementsFromPoint !== 'function') return 0;
  const { innerWidth: width, innerHeight: height } = view;
  let top = height;
  for (const [dx, dy] of PROBES) {
    for (const el of doc.elementsFromPoint(width - dx, height - dy)) {
      if (el === host || el === doc.documentElement || el === doc.body) continue;
      if (isPinned(el, view)) top = Math.min(top, el.getBoundingClientRect().top);
      break;
    }
  }
  const lift = Math.max(0, height - top);
  // A pinned element taller than half the screen (a side panel) is not a corner widget.
  return lift > height / 2 ? 0 : Math.ceil(lift);
}

function isPinned(el: Element, view: Window): boolean {
  for (let node: Element | null = el, depth = 0; node && depth < 8; node = node.parentElement) {
    const position = view.getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return true;
    depth++;
  }
  return false;
}
