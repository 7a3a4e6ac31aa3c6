import { send } from '../messaging/protocol';
import { createBadgeController } from './badge-controller';
import { startLifetime } from './lifetime';
import { pageBadgeUi } from './page-badge-ui';
import { onSettingsChanged } from './settings-changes';
import { watchLocation } from './location';
import { claimPage, PAGE_GLOBALS, takeFirstAnswer } from './page-globals';
import type { LookupResult } from '../messaging/protocol';

const FLOAT_AFTER_MS = 1500;

/**
 * The lens's main: detect, ask the background, mount; follow SPA navigation and settings. The
 * worker runs it in a page whose URL it rates (lib/background/tab-sync.ts), and again on later
 * navigations of the same document, where the first copy stays and follows the page itself.
 * On product sites it is registered to run at document_start. It imports no React and no zod.
 */
export async function runLens(): Promise<void> {
  const life = startLifetime('lens');
  if (!claimPage(PAGE_GLOBALS.lens, life.alive)) return life.stop();
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
      // The worker looked this URL up before it ran the lens, and left the answer.
      const left = takeFirstAnswer<LookupResult>(url);
      const reply = left
        ? { ok: true as const, data: left }
        : await send({ type: 'lookupPage', url });
      if (!reply.ok || reply.data.found || reply.data.bySettings) followSettings();
      return reply.ok ? reply.data : null;
    },
    createUi: pageBadgeUi(signal, (onChange) => {
      settingsWatchers.add(onChange);
      return () => settingsWatchers.delete(onChange);
    }),
  });
  // Reported once the navigation has committed (a page cannot route the lens by one it cancels).
  // List pages are the worker's to decide (their chips come from lists.js).
  watchLocation(signal, (url) => void lens.route(url));
  await lens.route(location.href);
}
