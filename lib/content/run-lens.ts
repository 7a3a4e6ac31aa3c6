import { listPageOf } from '../detect/lists';
import { send } from '../messaging/protocol';
import { createBadgeController } from './badge-controller';
import { startLifetime } from './lifetime';
import { pageBadgeUi } from './page-badge-ui';
import { onSettingsChanged } from './settings-changes';
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
  // Site switches, hidden sites and reviewers apply at once: the worker tells every tab when the
  // settings changed (content scripts cannot read them: lib/background/storage-access.ts), and
  // the background answers the lookup with the new settings. Listened for from the first answer
  // that settings can change (a verdict, a site or host switched off, a failed lookup): on a page
  // the dataset has no verdict for, most pages, the listener would be main-thread time for
  // nothing. Once listening, the lens keeps listening across SPA navigation.
  let following = false;
  const settingsWatchers = new Set<() => void>();
  const followSettings = () => {
    if (following || !life.alive()) return;
    following = true;
    onSettingsChanged(signal, () => {
      void lens.refresh();
      for (const watcher of settingsWatchers) watcher();
      lists(location.href);
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
    createUi: pageBadgeUi(signal, (onChange) => {
      settingsWatchers.add(onChange);
      return () => settingsWatchers.delete(onChange);
    }),
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
  // Reported once the navigation has committed (a page cannot route the lens by one it cancels).
  watchLocation(signal, (url) => {
    lists(url);
    void lens.route(url);
  });
  lists(location.href);
  await lens.route(location.href);
}
