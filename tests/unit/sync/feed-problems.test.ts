import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../../lib/sync/sync-feed';
import { MAX_LISTED_PROBLEMS } from '../../../lib/model/dataset-meta';
import { problemList } from '../../../lib/ui/feed-status';
import { syntheticFeed } from '../support/feeds';

const now = new Date('2026-11-22T00:00:00Z');

/** SYNTHETIC: a feed of 40 verdicts, the first `n` of them without their one quote. */
function feedWithoutQuotes(n: number): string {
  const feed = syntheticFeed({ verdicts: 40 });
  for (const verdict of feed.verdicts.slice(0, n))
    delete (verdict.reviews[0] as { quote?: string }).quote;
  return JSON.stringify(feed);
}

describe('a refused feed lists every problem', () => {
  it('keeps each problem with its path, not only the first', () => {
    const parsed = parseFeedText(feedWithoutQuotes(3), now);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.problemCount).toBe(3);
    expect(parsed.error.problems).toHaveLength(3);
    for (const p of parsed.error.problems!)
      expect(p).toMatch(/^verdicts\[\d+\]\.reviews\[0\]\.quote: required$/);
    expect(new Set(parsed.error.problems).size).toBe(3);
    expect(problemList(parsed.error)).toEqual({ items: parsed.error.problems, more: 0 });
  });

  it('caps the list and counts the rest', () => {
    const parsed = parseFeedText(feedWithoutQuotes(MAX_LISTED_PROBLEMS + 7), now);
    if (parsed.ok) throw new Error('accepted');
    expect(parsed.error.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(parsed.error.problemCount).toBe(MAX_LISTED_PROBLEMS + 7);
    expect(problemList(parsed.error).more).toBe(7);
  });

  it('lists nothing extra for a single problem or an error of another kind', () => {
    const one = parseFeedText(feedWithoutQuotes(1), now);
    if (one.ok) throw new Error('accepted');
    expect(problemList(one.error).items).toEqual([]);
    const html = parseFeedText('<html></html>', now);
    if (html.ok) throw new Error('accepted');
    expect(problemList(html.error)).toEqual({ items: [], more: 0 });
  });
});
