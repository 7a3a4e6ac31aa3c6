import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../../scripts/importer/catalog';
import {
  DATASET_PATHS,
  PAGE_FILE,
  planDatasetBuild,
  sameFeedData,
  serializeFeed,
} from '../../../../scripts/importer/dataset';
import { readRepoFile } from './shared-page';

const pagesDir = fileURLToPath(new URL(`../../../../${DATASET_PATHS.pages}/`, import.meta.url));
const PAGES = readdirSync(pagesDir)
  .filter((name) => PAGE_FILE.test(name))
  .sort()
  .map((name) => ({
    file: `${DATASET_PATHS.pages}/${name}`,
    text: readRepoFile(`${DATASET_PATHS.pages}/${name}`),
  }));
const CATALOG = parseCatalog(JSON.parse(readRepoFile(DATASET_PATHS.catalog)));
const NOW = '2030-01-01T00:00:00.000Z';

describe('the bundled dataset', () => {
  it(`${DATASET_PATHS.feed} is up to date with ${DATASET_PATHS.pages} and ${DATASET_PATHS.catalog} (run \`npm run verdicts -- build\`)`, () => {
    const committed = readRepoFile(DATASET_PATHS.feed);
    const plan = planDatasetBuild(PAGES, CATALOG, committed, NOW);
    expect(plan.changed).toBe(false);
    expect(plan.text).toBe(committed);
  });

  it('is in the committed format', () => {
    const committed = readRepoFile(DATASET_PATHS.feed);
    expect(serializeFeed(JSON.parse(committed))).toBe(committed);
  });
});

describe('planDatasetBuild', () => {
  const fresh = planDatasetBuild(PAGES, CATALOG, undefined, NOW);

  it('writes a new file stamped with now when there is none', () => {
    expect(fresh.changed).toBe(true);
    expect(fresh.feed.generatedAt).toBe(NOW);
    expect(fresh.text).toBe(serializeFeed(fresh.feed));
    expect(fresh.text.endsWith('}\n')).toBe(true);
  });

  it('leaves the file alone when only generatedAt would change', () => {
    const later = planDatasetBuild(PAGES, CATALOG, fresh.text, '2031-05-05T00:00:00.000Z');
    expect(later).toMatchObject({ changed: false, text: fresh.text });
    expect(later.feed.generatedAt).toBe(NOW);
  });

  it('rewrites a committed feed whose data differs, or that is not a valid feed', () => {
    const stale = fresh.text.replace('"panelShip": 75', '"panelShip": 70');
    expect(stale).not.toBe(fresh.text);
    expect(planDatasetBuild(PAGES, CATALOG, stale, NOW).changed).toBe(true);
    expect(planDatasetBuild(PAGES, CATALOG, '{ not json', NOW).changed).toBe(true);
    const invalid = fresh.text.replace(`"generatedAt": "${NOW}"`, '"generatedAt": "soon"');
    expect(planDatasetBuild(PAGES, CATALOG, invalid, NOW).changed).toBe(true);
  });
});

describe('sameFeedData', () => {
  it('ignores generatedAt only', () => {
    expect(
      sameFeedData(
        { version: 1, generatedAt: 'a', x: [1] },
        { version: 1, generatedAt: 'b', x: [1] },
      ),
    ).toBe(true);
    expect(
      sameFeedData(
        { version: 1, generatedAt: 'a', x: [1] },
        { version: 1, generatedAt: 'a', x: [2] },
      ),
    ).toBe(false);
    expect(sameFeedData(null, {})).toBe(false);
  });
});
