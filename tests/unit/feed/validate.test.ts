import { describe, expect, it } from 'vitest';
import { describeProblem, formatPath, parseFeed } from '../../../lib/feed/validate';
import { syntheticFeed } from '../support/feeds';

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['verdicts'], 'verdicts'],
    [['verdicts', 3, 'reviews', 1, 'quote'], 'verdicts[3].reviews[1].quote'],
    [[0, 'id'], '[0].id'],
  ])('%j → %j', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('parseFeed', () => {
  it('accepts a valid feed and fills the defaults', () => {
    const json = syntheticFeed();
    delete json.comparisons;
    const result = parseFeed(json);
    expect(result.ok && result.feed.comparisons).toEqual([]);
  });

  it('names every problem by its JSON path, a missing field as "required"', () => {
    const json = syntheticFeed();
    delete (json.verdicts[1]!.reviews[0] as { quote?: string }).quote;
    json.tools[0]!.id = 'Not A Slug';
    const result = parseFeed(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(describeProblem)).toEqual(
      expect.arrayContaining([
        'verdicts[1].reviews[0].quote: required',
        expect.stringMatching(/^tools\[0\]\.id: must be a slug/),
      ]),
    );
  });

  it('never throws, whatever it is given', () => {
    for (const value of [null, undefined, 42, 'feed', [], {}, { version: 2 }]) {
      expect(parseFeed(value).ok).toBe(false);
    }
  });
});
