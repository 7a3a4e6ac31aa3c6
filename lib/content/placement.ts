export type Placement = 'inline' | 'floating';

/**
 * Puts the badge's host right after the anchor, or at the end of the body when the page has no
 * anchor; `data-placement` lets the shadow root's own CSS float it in a corner. Styling stays
 * inside the shadow root, where page rules (even `!important` ones) cannot override it.
 * Moving the existing host, instead of re-mounting, keeps the popover's state across re-renders.
 */
export function placeHost(host: HTMLElement, anchor: Element | null, doc: Document): Placement {
  if (anchor) {
    if (anchor.nextElementSibling !== host) anchor.after(host);
  } else if (host.parentElement !== doc.body) {
    doc.body.append(host);
  }
  const placement: Placement = anchor ? 'inline' : 'floating';
  if (host.dataset.placement !== placement) host.dataset.placement = placement;
  return placement;
}
