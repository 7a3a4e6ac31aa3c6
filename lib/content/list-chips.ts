import { listPageOf, type ListPage } from '../detect/lists';
import type { LinksResult } from '../messaging/protocol';
import { MAX_LIST_LINKS } from '../messaging/protocol';
import type { BadgeSummary } from '../model/answers';
import type { BadgeUi } from './badge-controller';
import { findResultLinks, type ResultMemo } from './result-links';

export interface ListChipsDeps {
  signal: AbortSignal;
  doc: Document;
  /** One message for a batch of result URLs; null when the background could not answer. */
  lookupLinks: (pageUrl: string, urls: string[]) => Promise<LinksResult | null>;
  createUi: () => Promise<BadgeUi>;
  /** Told after each batch is applied (the e2e build marks the page with the chip count). */
  onApplied?: (pageUrl: string, chips: number) => void;
}

interface Chip {
  url: string;
  ui: BadgeUi | null;
}

/** Messages stay well under the worker's size cap (16 KB), whatever the URLs' lengths. */
const MAX_BATCH_CHARS = 12_000;

/** Splits the URLs to ask about into messages of at most MAX_LIST_LINKS and MAX_BATCH_CHARS. */
export function batches(urls: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const url of urls) {
    if (
      current.length === MAX_LIST_LINKS ||
      (current.length > 0 && chars + url.length > MAX_BATCH_CHARS)
    ) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(url);
    chars += url.length + 3;
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Chips beside the rated results of a list page (search, trending, topics, listings, org pages,
 * collections): the page's result links are looked up in one message, and each batch of results
 * the page adds later (infinite scroll, "Load more", a new query) in one more. Answers are kept
 * by result URL and applied to the links that point there when they arrive, so an answer that
 * comes after the list changed lands only on results that still show that tool; a settings
 * change (`refresh`) drops every answer, and answers asked before it are discarded.
 */
export function createListChips(deps: ListChipsDeps) {
  const { doc } = deps;
  let page: ListPage | null = null;
  let pageUrl = '';
  /** Bumped by every settings change: answers asked before it are dropped on arrival. */
  let epoch = 0;
  /** Switched off by the user's settings for this page: nothing is asked until a refresh. */
  let off = false;
  const answers = new Map<string, BadgeSummary | null>();
  const asking = new Set<string>();
  const chips = new Map<HTMLAnchorElement, Chip>();
  let memo: ResultMemo = new WeakMap();
  let observer: MutationObserver | null = null;
  let frame = 0;

  const removeChip = (link: HTMLAnchorElement) => {
    chips.get(link)?.ui?.remove();
    chips.delete(link);
  };

  const removeAll = () => {
    for (const link of [...chips.keys()]) removeChip(link);
  };

  const stop = () => {
    observer?.disconnect();
    observer = null;
    cancelAnimationFrame(frame);
    frame = 0;
    removeAll();
  };

  const place = (link: HTMLAnchorElement, host: HTMLElement) => {
    // Marked before it goes in, so the page never sees an unmarked chip. Only on change: every
    // write is a mutation the page's observers (and ours) see.
    if (host.dataset.placement !== 'inline') host.dataset.placement = 'inline';
    if (host.dataset.anchor !== 'list') host.dataset.anchor = 'list';
    if (host.dataset.size !== 'compact') host.dataset.size = 'compact';
    if (link.nextElementSibling !== host) link.after(host);
  };

  const addChip = async (link: HTMLAnchorElement, url: string, badge: BadgeSummary) => {
    const chip: Chip = { url, ui: null };
    chips.set(link, chip);
    const mine = epoch;
    let ui: BadgeUi;
    try {
      ui = await deps.createUi();
    } catch {
      if (chips.get(link) === chip) chips.delete(link);
      return;
    }
    // The link may have gone, or now point elsewhere, while the host was built.
    if (chips.get(link) !== chip || mine !== epoch || deps.signal.aborted) {
      ui.remove();
      return;
    }
    chip.ui = ui;
    ui.render(badge);
    place(link, ui.host);
  };

  /** Brings the chips in line with the page's results and asks about results not yet known. */
  const scan = () => {
    if (!page || off) return;
    const results = findResultLinks(doc, page, memo);
    const current = new Map(results.map((r) => [r.link, r.url]));
    for (const [link, chip] of chips) {
      if (current.get(link) !== chip.url || !link.isConnected) removeChip(link);
    }
    const unknown: string[] = [];
    let pending = false;
    for (const [link, url] of current) {
      if (!answers.has(url)) {
        if (!asking.has(url)) {
          asking.add(url);
          unknown.push(url);
        }
        continue;
      }
      const badge = answers.get(url);
      if (!badge) continue;
      const chip = chips.get(link);
      if (!chip) {
        pending = true;
        void addChip(link, url, badge).then(() => deps.onApplied?.(pageUrl, countChips()));
      } else if (chip.ui) {
        // The site re-rendered the row and dropped the chip with it: put it back.
        place(link, chip.ui.host);
      }
    }
    for (const batch of batches([...new Set(unknown)])) void ask(batch);
    if (!pending && unknown.length === 0) deps.onApplied?.(pageUrl, countChips());
  };

  const countChips = () => [...chips.values()].filter((c) => c.ui?.host.isConnected).length;

  const ask = async (urls: string[]) => {
    const mine = epoch;
    const asked = pageUrl;
    const reply = await deps.lookupLinks(asked, urls);
    if (mine !== epoch || deps.signal.aborted) return;
    for (const url of urls) asking.delete(url);
    if (!reply) return;
    if (reply.bySettings) {
      off = true;
      stop();
      deps.onApplied?.(pageUrl, 0);
      return;
    }
    urls.forEach((url, i) => answers.set(url, reply.badges[i] ?? null));
    scan();
  };

  // One scan per frame, however many mutations came in it.
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      scan();
    });
  };

  const start = () => {
    if (!page || off || deps.signal.aborted) return;
    scan();
    if (observer) return;
    observer = new MutationObserver(schedule);
    observer.observe(doc.documentElement, { childList: true, subtree: true });
  };

  deps.signal.addEventListener('abort', () => {
    epoch++;
    stop();
  });

  return {
    /** The page moved to `url` (loaded or a soft navigation): chips on list pages only. */
    route(url: string): void {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return;
      }
      const next = listPageOf(parsed);
      pageUrl = url;
      if (!next) {
        page = null;
        stop();
        return;
      }
      page = next;
      // A list of results is parsed after the lens starts: the first look is when it is complete.
      if (doc.readyState === 'loading') {
        doc.addEventListener('DOMContentLoaded', start, { once: true, signal: deps.signal });
        return;
      }
      start();
    },
    /** Settings changed: every answer may be different, so all are asked again. */
    refresh(): void {
      epoch++;
      off = false;
      answers.clear();
      asking.clear();
      memo = new WeakMap();
      stop();
      if (page) start();
    },
  };
}
