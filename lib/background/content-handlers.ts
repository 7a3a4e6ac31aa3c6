import { detect } from '../detect';
import { isHiddenHost, normalizeHost } from '../sites/hidden-hosts';
import { answerForTool } from '../store/answers';
import type { LookupResult } from '../messaging/protocol';
import type { SenderInfo } from '../messaging/sender-policy';
import { MAX_HIDDEN_HOSTS } from '../settings/schema';
import type { ContentHandlers } from './dispatch';
import type { WorkerEffects } from './effects';
import { answerLinks } from './list-lookup';
import { ratedResults } from './list-scan';
import type { WorkerState } from './worker-state';
import { saveSettings, loadSettings } from '../settings/storage';
import { createRateLimit } from './rate-limit';

/** Compare tabs a content script may open: a few clicks' worth per half minute. */
export const COMPARE_TABS = { max: 4, windowMs: 30_000 };

/** Whether two addresses share an origin; false when either is missing or unparsable. */
function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return new URL(a).origin === new URL(b ?? '').origin;
  } catch {
    return false;
  }
}

/**
 * The origin a lookup may ask about: the sender's page. The lens looks up the URL it has just
 * seen committed, which Chrome may not have reported as the sender's URL yet after a soft
 * navigation, so the check is by origin (a page's own pushState cannot leave its origin).
 */
function isSendersOrigin(url: string, sender: SenderInfo): boolean {
  return [sender.url, sender.tab?.url].some((page) => sameOrigin(url, page));
}

/** The site a content script's message came from: a page may hide or show only its own. */
function senderHost(sender: SenderInfo): string {
  let host = '';
  try {
    host = new URL(sender.url ?? '').hostname;
  } catch {
    // No page: refused below.
  }
  if (!host) throw new Error('no sender page');
  return normalizeHost(host);
}

/** What the badge of a page shows, or why there is none: the lookup, from memory. */
export async function answerPage(state: WorkerState, url: string): Promise<LookupResult> {
  const detection = detect(url);
  if (!detection) return { found: false };
  const settings = await state.settings.current();
  if (!settings.sites[detection.site])
    return { found: false, bySettings: { siteOff: detection.site } };
  const host = new URL(url).hostname;
  if (isHiddenHost(host, settings.hiddenHosts))
    return { found: false, bySettings: { hiddenHost: normalizeHost(host) } };
  await state.dataset.ensure();
  const badge = (await state.lookupIndex.get()).find(detection.keys);
  return badge ? { found: true, badge } : { found: false };
}

/** The messages content scripts may send: each answers about the page it came from. */
export function createContentHandlers(
  state: WorkerState,
  effects: WorkerEffects,
  now: () => number = Date.now,
): ContentHandlers {
  const compareTabs = createRateLimit(COMPARE_TABS.max, COMPARE_TABS.windowMs, now);
  return {
    ping: async () => ({ pong: true }),

    // The popup asks about its tab's URL; a content script only about its own page.
    lookupPage: async ({ url }, sender, from) => {
      if (from !== 'page' && !isSendersOrigin(url, sender))
        throw new Error('a content script may look up its own page only');
      return answerPage(state, url);
    },

    // The list script runs only where a list page's watcher saw a rated result added.
    lookupNewResults: async ({ pageUrl, urls }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !sameOrigin(pageUrl, sender.url)) return { loaded: false };
      const rated = await ratedResults(state, pageUrl, pageUrl, urls);
      if (!rated) return { loaded: false };
      return { loaded: await effects.injectListChips(tabId, sender.frameId ?? 0) };
    },

    // A list page asks about its own results only: the page it names is the sender's.
    lookupLinks: async ({ pageUrl, urls }, sender) => {
      if (!sameOrigin(pageUrl, sender.url)) throw new Error('not the sender’s page');
      return answerLinks(state, pageUrl, urls);
    },

    loadPopoverUi: async (_request, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { loaded: false };
      return { loaded: await effects.injectPopoverUi(tabId, sender.frameId ?? 0) };
    },

    getToolAnswer: async ({ toolId, verdictId }) => {
      await state.dataset.ensure();
      const answer = await answerForTool(state.db, toolId, verdictId);
      // The feed URL is the user's business (it may be private): a page's popover needs the date.
      if (!answer) return null;
      const source = answer.dataset.source === 'bundled' ? 'bundled' : 'feed';
      return { ...answer, dataset: { ...answer.dataset, source } };
    },

    hideSite: async (_request, sender) => {
      const host = senderHost(sender);
      const { settings } = await loadSettings();
      if (settings.hiddenHosts.includes(host)) return { hidden: host };
      if (settings.hiddenHosts.length >= MAX_HIDDEN_HOSTS) {
        throw new Error(
          `Badges are hidden on ${MAX_HIDDEN_HOSTS} sites already: show some again in the options first.`,
        );
      }
      await saveSettings({ hiddenHosts: [...settings.hiddenHosts, host] });
      return { hidden: host };
    },

    showSite: async (_request, sender) => {
      const host = senderHost(sender);
      const { settings } = await loadSettings();
      if (settings.hiddenHosts.includes(host))
        await saveSettings({ hiddenHosts: settings.hiddenHosts.filter((h) => h !== host) });
      return { shown: host };
    },

    getFollowedReviewers: async () => ({ reviewers: (await state.settings.current()).reviewers }),

    openCompare: async ({ a, b }) => {
      if (!compareTabs.take())
        throw new Error('Too many compare tabs at once: wait a moment and try again.');
      await effects.openExtensionPage(`/compare.html?${new URLSearchParams({ a, b }).toString()}`);
      return { opened: true };
    },
  };
}
