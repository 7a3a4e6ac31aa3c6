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
  const dir = mkdtempSync(join(tmpdir(), 'verdict-lens-bench-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'Verdict Lens bench floor',
    version: '1.0.0',
    description: 'Benchmark floor: inserts one static element on GitHub pages.',
    content_scripts: [
      { matches: ['https://github.com/*'], js: ['floor.js'], run_at: 'document_idle' },
    ],
  };
  const script = `(() => {
  const el = document.createElement('span');
  el.id = ${JSON.stringify(FLOOR_SELECTOR.slice(1))};
  el.textContent = '75% ship';
  document.body.append(el);
})();
`;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'floor.js'), script);
  return dir;
}
