import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../messaging';
import { loadSettings, saveSettings, watchSettings, type Settings } from '../settings';
import { createLens } from './lens';
import { mountBadge } from './mount-badge';

const FLOAT_AFTER_MS = 1500;

/** Content-script main: detect, ask the background, mount; follow SPA navigation and settings. */
export async function runLens(ctx: ContentScriptContext): Promise<void> {
  let settings: Settings = (await loadSettings()).settings;
  const host = () => location.hostname.replace(/^www\./, '');
  const lens = createLens({
    signal: ctx.signal,
    doc: document,
    currentUrl: () => location.href,
    settings: () => settings,
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
      mountBadge(ctx, {
        pickVerdict: async (toolId, verdictId) => {
          const reply = await send({ type: 'tool', toolId, verdictId });
          return reply.ok ? reply.data : null;
        },
        compare: (a, b) => void send({ type: 'openCompare', a, b }),
        hideSite: () => void saveSettings({ hiddenHosts: [...new Set([...settings.hiddenHosts, host()])] }),
      }),
  });
  watchSettings((loaded) => {
    settings = loaded.settings;
    void lens.refresh();
  }, ctx.signal);
  // wxt:locationchange fires before `location` changes: the new URL is only on the event.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => void lens.route(event.newUrl.href));
  await lens.route(location.href);
}
