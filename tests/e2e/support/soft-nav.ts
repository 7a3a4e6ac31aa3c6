import type { Page } from '@playwright/test';

/**
 * Watches the page from its own world: after every DOM change it records how many badges exist
 * and whether the badge names the tool the current URL is about. Nothing can slip between checks
 * the way it could between two polls from the test.
 */
export async function installBadgeMonitor(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __vl: { maxBadges: number; wrong: string[]; appearedAt: number | null };
    };
    w.__vl = { maxBadges: 0, wrong: [], appearedAt: null };
    const expected = () => (document.documentElement.dataset.expectBadge ?? '').toLowerCase();
    const check = () => {
      // The header badge: a list page's chips (data-anchor="list") are not it.
      const hosts = document.querySelectorAll(
        '[data-verdict-lens-host="badge"]:not([data-anchor="list"])',
      );
      w.__vl.maxBadges = Math.max(w.__vl.maxBadges, hosts.length);
      const label =
        hosts[0]?.shadowRoot?.querySelector('button')?.getAttribute('aria-label')?.toLowerCase() ??
        null;
      const want = expected();
      if (hosts.length > 0 && (!want || !label?.startsWith(`${want}:`))) {
        w.__vl.wrong.push(`${location.pathname}: showed "${label}" expecting "${want || 'none'}"`);
      }
      if (want && hosts.length === 1 && hosts[0]?.isConnected && label?.startsWith(`${want}:`)) {
        w.__vl.appearedAt ??= performance.now();
      }
    };
    new MutationObserver(check).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
    });
  });
}

export interface MonitorState {
  maxBadges: number;
  wrong: string[];
  appearedAt: number | null;
}

export const monitorState = (page: Page) =>
  page.evaluate(() => (window as unknown as { __vl: MonitorState }).__vl);

/**
 * A client-side navigation the way GitHub's Turbo and React and Hugging Face do it: the URL
 * changes first, the new page's `main` (and, in GitHub's 2026 layout, the global navigation with
 * its crumbs) arrives `delayMs` later, between GitHub's `soft-nav:start` and `soft-nav:end` /
 * `soft-nav:react-done` events. `expectBadge` is the tool name the badge must show at the
 * destination ('' for none). Returns the page time when the new header was in.
 */
export async function softNavigate(
  page: Page,
  opts: { url: string; html: string; delayMs: number; expectBadge: string; expectDuring: string },
): Promise<number> {
  return page.evaluate(
    ({ url, html, delayMs, expectBadge, expectDuring }) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __vl: { appearedAt: number | null } };
        w.__vl.appearedAt = null;
        // Until the new header arrives only a badge for the same tool may stay up.
        document.documentElement.dataset.expectBadge = expectDuring;
        document.dispatchEvent(
          new CustomEvent('soft-nav:start', { detail: { mechanism: 'react' } }),
        );
        history.pushState({}, '', url);
        setTimeout(() => {
          const next = new DOMParser().parseFromString(html, 'text/html');
          document.documentElement.dataset.expectBadge = expectBadge;
          const nav = 'react-partial[partial-name="global-nav-bar"]';
          const header = next.querySelector(nav);
          if (header) document.querySelector(nav)?.replaceWith(document.adoptNode(header));
          const main = next.querySelector('main');
          if (main) document.querySelector('main')?.replaceWith(document.adoptNode(main));
          document.title = next.title;
          document.dispatchEvent(
            new CustomEvent('soft-nav:end', { detail: { mechanism: 'react' } }),
          );
          document.dispatchEvent(new CustomEvent('soft-nav:react-done'));
          // Latency counts from the new header: a badge seen before it does not count.
          w.__vl.appearedAt = null;
          resolve(performance.now());
        }, delayMs);
      }),
    opts,
  );
}
