/**
 * What the shipped builds carry. lens.js runs on every rated GitHub and Hugging Face page (and
 * every granted product site), so it is held to a budget here, in `npm test`, not only in the bench; and it must not carry what its
 * lint zone forbids (React, zod, Dexie), whatever a dependency pulls in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const OUTPUT = join(import.meta.dirname, '..', '..', '.output');
/** Gzipped bytes of lens.js allowed (docs/benchmarks.md: content.js.gz.kb). */
export const LENS_GZIP_BUDGET = 10 * 1024;

function built(dir: string, file: string): string {
  const path = join(OUTPUT, dir, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run test:audit`);
  return readFileSync(path, 'utf8');
}

describe.each(['chrome-mv3', 'firefox-mv3'])('%s lens.js', (dir) => {
  const lens = built(dir, 'lens.js');

  it(`is at most ${LENS_GZIP_BUDGET / 1024} KB gzipped`, () => {
    const gzipped = gzipSync(lens, { level: 9 }).byteLength;
    expect(gzipped).toBeGreaterThan(1000);
    expect(gzipped).toBeLessThanOrEqual(LENS_GZIP_BUDGET);
  });

  it('carries no React, zod or Dexie', () => {
    // Markers each library's own code contains, minified or not.
    expect(lens).not.toMatch(/react\.element|__SECRET_INTERNALS|reactjs\.org\/docs\/error/);
    expect(lens).not.toMatch(/ZodError|\$ZodType/);
    expect(lens).not.toMatch(/Dexie|IDBKeyRange/);
  });
});

describe.each(['lens.js', 'lists.js', 'content-scripts/popover.js'])('%s', (file) => {
  it('reads no extension storage: content scripts get settings by message (storage-access.ts)', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv3']) {
      expect(built(dir, file)).not.toMatch(/\.storage\s*\.\s*(sync|local|session|onChanged)\b/);
    }
  });
});

describe('the settings module', () => {
  it('uses extension storage (so the pattern above can fail)', () => {
    const chunk = readdirSync(join(OUTPUT, 'chrome-mv3', 'chunks')).find((f) =>
      f.startsWith('storage-'),
    );
    expect(chunk).toBeDefined();
    expect(built('chrome-mv3', `chunks/${chunk}`)).toMatch(/\.storage\s*\.\s*(sync|local)\b/);
  });
});

describe('the popover script', () => {
  it('brings React (so the marker test above can fail)', () => {
    const ui = built('chrome-mv3', 'content-scripts/popover.js');
    expect(ui).toMatch(/react\.element|react\.transitional\.element/);
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('carries no zod or Dexie in %s', (dir) => {
    // A click loads it before the popover can show: the worker checks what it is sent, and
    // lib/settings/defaults.ts gives the first render its defaults without the schema.
    const ui = built(dir, 'content-scripts/popover.js');
    expect(ui).not.toMatch(/ZodError|\$ZodType/);
    expect(ui).not.toMatch(/Dexie|IDBKeyRange/);
  });
});

describe('the extension pages (so the zod marker above can fail)', () => {
  it('brings zod', () => {
    const chunks = readdirSync(join(OUTPUT, 'chrome-mv3', 'chunks'));
    const withZod = chunks.filter((f) =>
      /ZodError|\$ZodType/.test(built('chrome-mv3', `chunks/${f}`)),
    );
    expect(withZod.length).toBeGreaterThan(0);
  });
});
