import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const shared = dir('../../../../shared/pages/');
const local = dir('../../../data/pages/');

describe('data/pages', () => {
  it('holds every saved page from ../shared/pages, unchanged (the bundled dataset is built from these)', () => {
    const sharedFiles = readdirSync(shared).sort();
    expect(sharedFiles.length).toBeGreaterThan(0);
    const localFiles = new Set(readdirSync(local));
    for (const file of sharedFiles) {
      expect(localFiles.has(file), `${file} is missing from data/pages`).toBe(true);
      expect(readFileSync(`${local}${file}`, 'utf8'), file).toBe(
        readFileSync(`${shared}${file}`, 'utf8'),
      );
    }
  });
});
