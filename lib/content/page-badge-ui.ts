import { send } from '../messaging/protocol';
import { createBadgeHost } from './badge-host';
import type { BadgeUi } from './badge-controller';
import { showHiddenToast } from './hidden-toast';
import { pageTheme } from './theme';
import { loadUi } from './ui-bridge';

const UI_TIMEOUT_MS = 5000;
const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

/**
 * Builds badges wired to the background: opening one loads the popover UI once per frame, and its
 * actions (the answer, compare, the followed reviewers, hide on this site) go out as messages;
 * `watchSettings` tells an open popover when the worker says the settings changed. The header badge and the
 * list chips use the same, so a chip opens the same popover.
 */
export function pageBadgeUi(
  signal: AbortSignal,
  watchSettings: (onChange: () => void) => () => void,
): () => Promise<BadgeUi> {
  return () =>
    createBadgeHost(signal, {
      loadUi: () =>
        loadUi(async () => {
          const reply = await send({ type: 'loadPopoverUi' });
          return reply.ok && reply.data.loaded;
        }, UI_TIMEOUT_MS),
      actions: {
        loadToolAnswer: async (toolId, verdictId) => {
          const reply = await send({ type: 'getToolAnswer', toolId, verdictId });
          return reply.ok ? reply.data : null;
        },
        compare: (a, b) => void send({ type: 'openCompare', a, b }),
        followedReviewers: async () => {
          const reply = await send({ type: 'getFollowedReviewers' });
          return reply.ok ? reply.data.reviewers : null;
        },
        watchSettings,
        hideSite: async () => {
          const reply = await send({ type: 'hideSite' });
          if (!reply.ok) return reply.error.message;
          void showHiddenToast({
            site: reply.data.hidden,
            theme: pageTheme(document, prefersDark),
            undo: async () => (await send({ type: 'showSite' })).ok,
            signal,
          });
          return null;
        },
      },
    });
}
