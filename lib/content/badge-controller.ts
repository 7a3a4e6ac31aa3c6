import { detect } from '../detect';
import type { Detection } from '../detect/types';
import type { LookupResult } from '../messaging/protocol';
import { findAnchor } from './anchor';
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

  const clear = () => {
    shown?.ui.remove();
    shown = null;
    observer?.disconnect();
    observer = null;
    clearTimeout(floatTimer);
  };

  const place = () => {
    if (!shown) return;
    const anchor =
      shown.detection.site === 'product' ? null : findAnchor(deps.doc, shown.detection);
    if (!anchor && deps.doc.readyState === 'loading') {
      // The lens starts at document_start: the header is still being parsed, and mutations or
      // the end of parsing call place() again. The wait for a floating badge starts after that.
      deps.doc.addEventListener('DOMContentLoaded', place, { once: true, signal: deps.signal });
      return;
    }
    if (anchor) shown.missingSince = null;
    else shown.missingSince ??= performance.now();
    const waited = shown.missingSince === null ? 0 : performance.now() - shown.missingSince;
    if (anchor || waited >= deps.floatAfterMs || shown.detection.site === 'product') {
      clearTimeout(floatTimer);
      placeHost(shown.ui.host, anchor, deps.doc);
      return;
    }
    // The header may still be on its way (URL first, header later): give it a moment.
    if (shown.ui.host.isConnected && shown.ui.host.dataset.placement !== 'floating')
      shown.ui.host.remove();
    clearTimeout(floatTimer);
    floatTimer = setTimeout(place, deps.floatAfterMs - waited);
  };

  // Only while a badge is up: pages without a verdict pay nothing for observation.
  const observe = () => {
    if (observer) return;
    observer = new MutationObserver(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const url = deps.currentUrl();
        if (url !== lastUrl) void route(url);
        else place();
      });
    });
    observer.observe(deps.doc.documentElement, { childList: true, subtree: true });
  };

  async function route(url: string): Promise<void> {
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
