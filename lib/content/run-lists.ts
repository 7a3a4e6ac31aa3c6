import { send } from '../messaging/protocol';
import { startLifetime } from './lifetime';
import { claimPage, PAGE_GLOBALS, takeFirstAnswer } from './page-globals';
import { leftBadgesFor } from './left-links';
import { createListChips } from './list-chips';
import { watchLocation } from './location';
import { pageBadgeUi } from './page-badge-ui';
import { onSettingsChanged } from './settings-changes';

/**
 * The list script's main: chips beside rated results on list pages. The worker runs this
 * script in a list page once a result there is rated (lib/background/tab-sync.ts), so repo pages
 * and unrated lists never load it. It may be run again on later list pages of the same document:
 * the first copy stays and follows the navigation itself.
 */
export function runLists(): void {
  const { signal, alive, stop } = startLifetime('lists');
  if (!claimPage(PAGE_GLOBALS.lists, alive)) return stop();
  const watchers = new Set<() => void>();
  const chips = createListChips({
    signal,
    doc: document,
    lookupLinks: async (pageUrl, urls) => {
      if (!alive()) return null;
      // The worker looked the results its probe found up before it ran this script.
      const left = takeFirstAnswer<unknown>(pageUrl, PAGE_GLOBALS.firstLinks);
      const badges = leftBadgesFor(left, urls);
      if (badges) return { badges };
      const reply = await send({ type: 'lookupLinks', pageUrl, urls });
      return reply.ok ? reply.data : null;
    },
    createUi: pageBadgeUi(signal, (onChange) => {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    }),
    // Only the e2e build tells the page how many chips it drew, and for which URL.
    onApplied:
      import.meta.env.MODE === 'e2e'
        ? (url, count) => {
            document.documentElement.dataset.verdictLensChips = `${count} ${url}`;
          }
        : undefined,
  });
  // "Badges in lists", the site switches, hidden sites and reviewers apply to an open list at
  // once: the worker tells every tab when the settings changed (content scripts cannot read them).
  onSettingsChanged(signal, () => {
    chips.refresh();
    for (const watcher of watchers) watcher();
  });
  watchLocation(signal, (url) => chips.route(url));
  chips.route(location.href);
}
