import { detect } from '../detect';
import type { Detection } from '../detect/types';
import type { LookupResult } from '../messaging/protocol';
import { findAnchor, hasKnownHeader } from './anchor';
import { placeHost } from './placement';
import type { BadgeSummary } from '../model/answers';

/** The badge's host and what draws it (badge-host.ts). */
export interface BadgeUi {
  host: HTMLElement;
  render(badge: BadgeSummary): void;
  remove(): void;
}

export interface BadgeControllerDeps {
  signal: AbortSignal;
  doc: Document;
  currentUrl: () => string;
  lookup: (url: string) => Promise<LookupResult | null>;
  createUi: () => Promise<BadgeUi>;
  /** How long to wait for the header's anchor before falling back to a floating badge. */
  floatAfterMs: number;
  /** Told when the page's outcome for a URL is decided (the e2e build marks the page with it). */
  onSettled?: (url: string, outcome: 'badge' | 'none') => void;
}

interface Shown {
  signature: string;
  detection: Detection;
  ui: BadgeUi;
  /** When the anchor was last seen missing; null while it is there. */
  missingSince: number | null;
}

/**
 * Keeps exactly one badge in step with the page: one per detected tool, re-placed when the site
 * re-renders its header, removed the moment the URL leaves the tool. Every lookup carries a
 * sequence number, so an answer that arrives after a newer navigation is dropped.
 */
export function createBadgeController(deps: BadgeControllerDeps) {
  let seq = 0;
  let shown: Shown | null = null;
  let lastUrl = '';
  let floatTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let observer: MutationObserver | null = null;
  let watching: AbortController | null = null;
  /** When the last soft navigation started; null on the page as loaded. */
  let softNavAt: number | null = null;

  const clear = () => {
    shown?.ui.remove();
    shown = null;
    observer?.disconnect();
    observer = null;
    watching?.abort();
    watching = null;
    clearTimeout(floatTimer);
  };

  const place = () => {
    if (!shown) return;
    const { site } = shown.detection;
    const anchor = site === 'product' ? null : findAnchor(deps.doc, shown.detection);
    if (anchor?.ready) {
      shown.missingSince = null;
      clearTimeout(floatTimer);
      placeHost(shown.ui.host, anchor, deps.doc);
      return;
    }
    if (!anchor && deps.doc.readyState === 'loading') {
      // The lens starts at document_start: the header is still being parsed, and mutations or
      // the end of parsing call place() again. The wait for a floating badge starts after that.
      deps.doc.addEventListener('DOMContentLoaded', place, { once: true, signal: deps.signal });
      return;
    }
    // The page's header is there but does not name this repo yet (a soft navigation: URL first,
    // header later), or is not hydrated yet: give it a moment. A page with no header we know
    // (a redesign, a product site) gets the floating badge at once.
    // So is any page right after a soft navigation: the new page's header is on its way.
    const navigating = softNavAt !== null && performance.now() - softNavAt < deps.floatAfterMs;
    const pending = anchor !== null || navigating || hasKnownHeader(deps.doc, site);
    shown.missingSince ??= performance.now();
    const waited = performance.now() - shown.missingSince;
    if (!pending || waited >= deps.floatAfterMs) {
      clearTimeout(floatTimer);
      placeHost(shown.ui.host, null, deps.doc);
      return;
    }
    if (shown.ui.host.isConnected && shown.ui.host.dataset.placement !== 'floating')
      shown.ui.host.remove();
    clearTimeout(floatTimer);
    floatTimer = setTimeout(place, deps.floatAfterMs - waited);
  };

  // One re-check per frame, however many mutations or resizes came in it.
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const url = deps.currentUrl();
      if (url !== lastUrl) void route(url);
      else place();
    });
  };

  // Only while a badge is up: pages without a verdict pay nothing for observation.
  const observe = () => {
    if (observer) return;
    observer = new MutationObserver(schedule);
    // Class and `hidden` changes too: GitHub marks a hydrated header `loaded`, and a layout
    // switch can hide one header and show another without adding nodes.
    observer.observe(deps.doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['class', 'hidden'],
    });
    // Breadcrumbs re-render on resize, and a floating badge re-checks the corner it sits in.
    watching = new AbortController();
    deps.doc.defaultView?.addEventListener('resize', schedule, {
      signal: AbortSignal.any([deps.signal, watching.signal]),
    });
  };

  async function route(url: string): Promise<void> {
    // Every route after the page's first is a navigation inside the page.
    if (lastUrl !== '' && url !== lastUrl) softNavAt = performance.now();
    lastUrl = url;
    const mine = ++seq;
    // Site switches and hidden sites are the background's call: it answers "none" for them.
    const detection = detect(url);
    const signature = detection ? detection.keys.join('|') : '';
    if (shown && shown.signature !== signature) clear();
    if (!detection) return deps.onSettled?.(url, 'none');
    const result = await deps.lookup(url);
    if (mine !== seq || deps.signal.aborted) return;
    if (!result?.found) {
      clear();
      return deps.onSettled?.(url, 'none');
    }
    if (!shown) {
      let ui: BadgeUi;
      try {
        ui = await deps.createUi();
      } catch {
        return deps.onSettled?.(url, 'none');
      }
      if (mine !== seq || deps.signal.aborted) {
        ui.remove();
        return;
      }
      shown = { signature, detection, ui, missingSince: null };
    }
    shown.detection = detection;
    shown.ui.render(result.badge);
    place();
    observe();
    deps.onSettled?.(url, 'badge');
  }

  deps.signal.addEventListener('abort', () => {
    seq++;
    cancelAnimationFrame(frame);
    clear();
  });

  return {
    route,
    /** Re-checks the current URL, e.g. after settings changed. */
    refresh: () => route(deps.currentUrl()),
  };
}
