import { browser } from 'wxt/browser';
import { listPageOf } from '../detect/lists';
import { send } from '../messaging/protocol';
import { isSettingsChange } from '../settings/keys';
import { createBadgeController } from './badge-controller';
import { startLifetime } from './lifetime';
import { pageBadgeUi } from './page-badge-ui';
import { watchLocation } from './location';

const FLOAT_AFTER_MS = 1500;

/**
 * Content-script main: detect, ask the background, mount; follow SPA navigation and settings.
 * Everything here ships in the always-on script, so it imports no React and no zod, and sets up
 * no more than an unrated page needs (each binding and listener is main-thread time on every page).
 */
export async function runLens(): Promise<void> {
  const life = startLifetime('lens');
  const { signal } = life;
  // Site switches and hidden sites apply at once: the background answers with the new settings.
  // Listened for from the first answer that settings can change (a verdict, a site or host
  // switched off, a failed lookup): on a page the dataset has no verdict for, most pages, the
  // storage binding and listener would be 0.2 ms of main-thread time for nothing. Once listening,
  // the lens keeps listening across SPA navigation.
  let following = false;
  const followSettings = () => {
    if (following || !life.alive()) return;
    following = true;
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (!isSettingsChange(changes, area)) return;
      void lens.refresh();
      lists(location.href);
    };
    browser.storage.onChanged.addListener(onStorage);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage), {
      once: true,
    });
  };
  const lens = createBadgeController({
    signal,
    doc: document,
    currentUrl: () => location.href,
    floatAfterMs: FLOAT_AFTER_MS,
    // Only the e2e build tells the page; the shipped build leaves no trace on pages without a verdict.
    onSettled:
      import.meta.env.MODE === 'e2e'
        ? (url, outcome) => {
            document.documentElement.dataset.verdictLens = `${outcome} ${url}`;
          }
        : undefined,
    lookup: async (url) => {
      if (!life.alive()) return null;
      const reply = await send({ type: 'lookupPage', url });
      if (!reply.ok || reply.data.found || reply.data.bySettings) followSettings();
      return reply.ok ? reply.data : null;
    },
    createUi: pageBadgeUi(signal),
  });
  // A list page gets its chips from a second script (the background runs it): the lens only
  // knows which pages are lists. Once loaded, that script follows the navigation itself.
  let listsLoaded = false;
  const lists = (url: string) => {
    if (listsLoaded || !life.alive() || !listPageOf(new URL(url))) return;
    void send({ type: 'loadListChips', url }).then((reply) => {
      if (reply.ok && reply.data.loaded) listsLoaded = true;
      else followSettings();
    });
  };
  // The navigation is reported before `location` changes: the new URL is only in the event.
  watchLocation(signal, (url) => {
    lists(url);
    void lens.route(url);
  });
  lists(location.href);
  await lens.route(location.href);
}
