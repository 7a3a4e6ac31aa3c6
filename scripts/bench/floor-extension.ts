import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FLOOR_ID, FLOOR_UI_GLOBAL } from './floor/names';

/** The element the floor extension inserts; the bench waits for it like for the badge. */
export const FLOOR_SELECTOR = `#${FLOOR_ID}`;

/**
 * The least an extension can do to show something on GitHub: a content script that inserts one
 * static badge (a button in an open shadow root, as ours is) at document_idle, with no message
 * and no storage: the floor of the badge and list figures.
 *
 * Clicking the badge is the popover figures' floor: a message to the extension's worker, which
 * injects a React bundle (floor/popover-ui.ts) that renders a dialog of static quotes, as ours
 * injects its popover UI; later clicks re-render that dialog.
 */
export async function writeFloorExtension(): Promise<string> {
  const content = `(() => {
  const host = document.createElement('span');
  host.id = ${JSON.stringify(FLOOR_ID)};
  const button = document.createElement('button');
  button.textContent = '75% ship';
  button.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const ui = globalThis[${JSON.stringify(FLOOR_UI_GLOBAL)}];
    if (ui) ui.open();
    else chrome.runtime.sendMessage('ui');
  });
  host.attachShadow({ mode: 'open' }).append(button);
  document.body.append(host);
})();
`;
  const worker = `chrome.runtime.onMessage.addListener((message, sender) => {
  if (message !== 'ui' || !sender.tab?.id) return;
  chrome.scripting.executeScript({
    target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
    files: ['ui.js'],
    injectImmediately: true,
  });
});
`;
  const ui = await build({
    entryPoints: [join(import.meta.dirname, 'floor', 'popover-ui.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    // React's production build, as the shipped popover has.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const dir = writeExtension(
    'Verdict Lens bench floor',
    'Benchmark floor: a static badge on GitHub pages, and a React popover injected on its click.',
    content,
    'document_idle',
    { 'background.js': worker, 'ui.js': ui.outputFiles[0]!.text },
  );
  return dir;
}

/**
 * The floor of the overhead figures: an extension whose content script does nothing. What is
 * left is what any content script costs a page (the isolated world, the script's own load).
 */
export function writeEmptyExtension(): string {
  return writeExtension(
    'Verdict Lens bench empty',
    'Benchmark floor: an empty content script on GitHub pages.',
    'void 0;\n',
    // When the lens runs: the isolated world is set up at the same point of the page's load.
    'document_start',
  );
}

/**
 * A floor for the list probe, beside the empty one: an extension whose content script
 * reads the hrefs of a list page's candidate result links (`selector`, the probe's own) in a
 * `DOMContentLoaded` listener, as the probe does, and does nothing with them. What is left above
 * it is what Verdict Lens adds to reading the results in the page: the watcher and the answer to
 * the worker (the worker's own work is off the page's main thread). Reading costs any extension
 * the first use of the DOM in its world (docs/benchmarks.md, "What the list probe costs").
 */
export function writeReaderExtension(selector: string): string {
  const script = `(() => {
  const selector = ${JSON.stringify(selector)};
  document.addEventListener('DOMContentLoaded', () => {
    const links = document.querySelectorAll(selector);
    const hrefs = [];
    for (let i = 0; i < links.length; i++) hrefs.push(links[i].getAttribute('href'));
    globalThis.benchReaderHrefs = hrefs;
  }, { once: true });
})();
`;
  return writeExtension(
    'Verdict Lens bench reader',
    "Benchmark floor: reads a list page's result links at DOMContentLoaded, and nothing more.",
    script,
    'document_start',
  );
}

function writeExtension(
  name: string,
  description: string,
  script: string,
  runAt: 'document_start' | 'document_idle',
  extra: Record<string, string> = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-lens-bench-floor-'));
  const withWorker = 'background.js' in extra;
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0.0',
    description,
    content_scripts: [{ matches: ['https://github.com/*'], js: ['floor.js'], run_at: runAt }],
    ...(withWorker && {
      background: { service_worker: 'background.js' },
      permissions: ['scripting'],
      host_permissions: ['https://github.com/*'],
    }),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'floor.js'), script);
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  return dir;
}
