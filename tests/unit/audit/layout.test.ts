import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The layout by runtime (docs/architecture.md) stays a layout: no loose files, every folder described. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const architecture = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const entries = (dir: string) => readdirSync(join(ROOT, dir));
const folders = (dir: string) =>
  entries(dir).filter((n) => statSync(join(ROOT, dir, n)).isDirectory());

describe('lib/', () => {
  it('has no loose files: each module lives in the folder of where it runs', () => {
    expect(entries('lib').filter((n) => !statSync(join(ROOT, 'lib', n)).isDirectory())).toEqual([]);
  });

  it.each(folders('lib'))('lib/%s/ is described in docs/architecture.md', (name) => {
    expect(architecture).toContain(`**\`lib/${name}/\`**`);
  });
});

describe('components/', () => {
  it('groups components by surface, with no loose files', () => {
    expect(
      entries('components').filter((n) => !statSync(join(ROOT, 'components', n)).isDirectory()),
    ).toEqual([]);
    for (const surface of folders('components')) expect(architecture).toContain(`${surface}/`);
  });

  it('names components in PascalCase and other modules in kebab-case', () => {
    for (const surface of folders('components')) {
      for (const file of entries(join('components', surface))) {
        if (file.endsWith('.tsx') && !/^[A-Z]/.test(file))
          expect(file).toMatch(/^[a-z]+(-[a-z]+)*\.tsx$/);
        if (/^[A-Z]/.test(file)) expect(file).toMatch(/^[A-Z][A-Za-z]+\.tsx$/);
      }
    }
  });
});

describe('tests/unit/', () => {
  /** Test files mirror the source: tests/unit/<folder>/<module>.test.ts for lib/<folder>/<module>.ts. */
  it.each(folders('lib'))(
    'lib/%s has its tests under tests/unit/ with the same folder name',
    (name) => {
      expect(folders('tests/unit')).toContain(name);
    },
  );
});
