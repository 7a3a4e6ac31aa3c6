import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../lib/feed/validate';
import { syntheticFeed } from '../support/feeds';

/** SYNTHETIC: a feed broken in one way per kind of check the schema has. */
function brokenFeed() {
  const feed = syntheticFeed({ tools: 4, verdicts: 4, comparisons: 1 }) as unknown as {
    version: unknown;
    generatedAt: unknown;
    tools: Record<string, unknown>[];
    verdicts: Record<string, unknown>[];
    comparisons: Record<string, unknown>[];
  };
  feed.version = 2;
  feed.generatedAt = 'yesterday';
  feed.tools[0] = {
    id: 'Not A Slug',
    name: 'a\u202eb',
    aliases: ['X', 'x'],
    match: { github: ['nope', 'about/x'], huggingface: ['x'], domains: ['co.uk', 'bad'] },
  };
  feed.tools[1]!.name = 'n'.repeat(201);
  feed.verdicts[0] = {
    ...feed.verdicts[0],
    toolId: 3,
    title: '',
    panelShip: 1.5,
    community: 200,
    entry: 'x',
    reviews: [{ reviewerId: 'critic', quote: 'q' }],
  };
  feed.verdicts[1] = { ...feed.verdicts[1], panelShip: -1, community: 'x', reviews: 'x' };
  feed.comparisons[0] = { id: 'c', title: 't', verdictIds: ['a'], url: 'http://x.test/' };
  return feed;
}

describe('feed problems', () => {
  it('each have a code of their own: none falls back to the validator’s English', () => {
    const result = parseFeed(brokenFeed());
    if (result.ok) throw new Error('accepted');
    const codes = result.problems.map((p) => [p.path, p.text.code]);
    expect(codes.filter(([, code]) => code === 'other')).toEqual([]);
    expect(new Set(codes.map(([, code]) => code))).toEqual(
      new Set([
        'version',
        'dateTime',
        'slug',
        'controls',
        'repeats',
        'githubRepo',
        'githubReserved',
        'hfRepo',
        'hfReserved',
        'publicSuffix',
        'hostName',
        'tooLong',
        'notString',
        'required',
        'notWholeNumber',
        'tooHigh',
        'oneOf',
        'tooLow',
        'notNumber',
        'notList',
        'twoVerdicts',
        'httpsUrl',
      ]),
    );
  });

  it('keep their English message and their parameters', () => {
    const feed = syntheticFeed({ tools: 2, verdicts: 2 });
    feed.tools[1]!.id = feed.tools[0]!.id;
    const result = parseFeed(feed);
    if (result.ok) throw new Error('accepted');
    expect(result.problems[0]).toEqual({
      path: 'tools[1].id',
      message: `duplicate id "${feed.tools[0]!.id}"`,
      text: { code: 'duplicateId', params: { id: feed.tools[0]!.id } },
    });
  });
});
