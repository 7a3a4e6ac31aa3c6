import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../messaging';
import { isSettingsChange } from '../settings-change';
import { createBadgeHost } from './badge-host';
import { createLens } from './lens';
import { uiLoaded, whenUi } from './ui-bridge';

const FLOAT_AFTER_MS = 1500;
const UI_TIMEOUT_MS = 5000;

/**
 * Content-script main: detect, ask the background, mount; follow SPA navigation and settings.
 * Everything here ships in the always-on script, so it imports no React and no zod.
 */
export async function runLens(ctx: ContentScriptContext): Promise<void> {
  const lens = createLens({
    signal: ctx.signal,
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
      const reply = await send({ type: 'lookup', url });
      return reply.ok ? reply.data : null;
    },
    createUi: () =>
      createBadgeHost(ctx, {
        loadUi: async () => {
          if (!uiLoaded()) {
            const reply = await send({ type: 'ui' });
            if (!reply.ok || !reply.data.loaded)
              throw new Error('the background could not load the UI');
          }
          return whenUi(UI_TIMEOUT_MS);
        },
        actions: {
          pickVerdict: async (toolId, verdictId) => {
            const reply = await send({ type: 'tool', toolId, verdictId });
            return reply.ok ? reply.data : null;
          },
          compare: (a, b) => void send({ type: 'openCompare', a, b }),
          hideSite: () => void send({ type: 'hideSite', host: location.hostname }),
        },
      }),
  });
  // Site switches and hidden sites apply at once: the background answers with the new settings.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (isSettingsChange(changes, area)) void lens.refresh();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  // wxt:locationchange fires before `location` changes: the new URL is only on the event.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => void lens.route(event.newUrl.href));
  await lens.route(location.href);
}
