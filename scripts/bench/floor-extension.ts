import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The element the floor extension inserts; the bench waits for it like for the badge. */
export const FLOOR_SELECTOR = '#verdict-lens-bench-floor';

/**
 * The least an extension can do to show something on GitHub: a content script that inserts one
 * static element at document_idle. No background, no messaging, no storage: the floor.
 */
export function writeFloorExtension(): string {
  return writeExtension(
    'Verdict Lens bench floor',
    'Benchmark floor: inserts one static element on GitHub pages.',
    `(() => {
  const el = document.createElement('span');
  el.id = ${JSON.stringify(FLOOR_SELECTOR.slice(1))};
  el.textContent = '75% ship';
  document.body.append(el);
})();
`,
  );
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

function writeExtension(
  name: string,
  description: string,
  script: string,
  runAt: 'document_start' | 'document_idle' = 'document_idle',
): string {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-lens-bench-floor-'));
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0.0',
    description,
    content_scripts: [{ matches: ['https://github.com/*'], js: ['floor.js'], run_at: runAt }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'floor.js'), script);
  return dir;
}
