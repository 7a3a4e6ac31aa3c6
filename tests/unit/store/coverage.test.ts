import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../../../lib/feed/validate';
import { datasetCoverage } from '../../../lib/store/coverage';
import { installFeed } from '../../../lib/store/install';
import { dropDbs, freshDb } from '../support/db';
import { syntheticFeed, toFeed } from '../support/feeds';

afterEach(dropDbs);

describe('datasetCoverage', () => {
  it('is null before any dataset is installed', async () => {
    expect(await datasetCoverage(freshDb())).toBeNull();
  });

  it('counts the bundled dataset from its rows', async () => {
    const parsed = parseFeed(JSON.parse(readFileSync('public/data/feed.json', 'utf8')));
    if (!parsed.ok) throw new Error('bundled feed invalid');
    const db = freshDb();
    await installFeed(db, parsed.feed, { source: 'bundled' });
    const coverage = await datasetCoverage(db);
    const feed = parsed.feed;
    expect(coverage).toMatchObject({
      source: 'bundled',
      tools: feed.tools.length,
      verdicts: feed.verdicts.length,
      comparisons: feed.comparisons.length,
      onGithub: feed.tools.filter((t) => t.match.github.length > 0).length,
      onHuggingface: feed.tools.filter((t) => t.match.huggingface.length > 0).length,
      unmatched: feed.tools.filter(
        (t) => t.match.github.length + t.match.huggingface.length + t.match.domains.length === 0,
      ).length,
      productDomains: feed.tools.flatMap((t) => t.match.domains).sort(),
      exampleRepo: 'huggingface/ml-intern',
    });
  });

  it('offers no example repository when no rated tool is on GitHub (SYNTHETIC data)', async () => {
    const json = syntheticFeed({ tools: 2, verdicts: 2 });
    for (const tool of json.tools) tool.match.github = [];
    const db = freshDb();
    await installFeed(db, toFeed(json), { source: 'bundled' });
    expect((await datasetCoverage(db))?.exampleRepo).toBeNull();
  });
});
