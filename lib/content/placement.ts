export type Placement = 'inline' | 'floating';

const FLOATING: Record<string, string> = {
  position: 'fixed',
  right: '16px',
  bottom: '16px',
  'z-index': '2147483646',
};

/**
 * Puts the badge's host right after the anchor, or in a corner when the page has no anchor.
 * Moving the existing host (instead of re-mounting) keeps the popover's state across re-renders.
 */
export function placeHost(host: HTMLElement, anchor: Element | null, doc: Document): Placement {
  if (anchor) {
    if (anchor.nextElementSibling !== host) anchor.after(host);
    if (host.dataset.placement !== 'inline') {
      for (const prop of Object.keys(FLOATING)) host.style.removeProperty(prop);
      host.style.setProperty('display', 'inline-block', 'important');
      host.style.setProperty('vertical-align', 'middle', 'important');
      host.dataset.placement = 'inline';
    }
    return 'inline';
  }
  if (host.parentElement !== doc.body) doc.body.append(host);
  if (host.dataset.placement !== 'floating') {
    // !important: a page rule like `* { position: static !important }` must not pull it into the flow.
    for (const [prop, value] of Object.entries(FLOATING)) host.style.setProperty(prop, value, 'important');
    host.style.setProperty('display', 'block', 'important');
    host.dataset.placement = 'floating';
  }
  return 'floating';
}
