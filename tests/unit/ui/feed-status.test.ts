import { describe, expect, it } from 'vitest';
import { feedStatusLines, lastErrorText, sourceText } from '../../../lib/ui/feed-status';
import type { MetaRow } from '../../../lib/model/dataset-meta';

const META: MetaRow = {
  id: 'current',
  source: 'bundled',
  version: 1,
  generatedAt: '2026-11-20T00:00:00Z',
  etag: null,
  lastModified: null,
  counts: { tools: 100_000, verdicts: 1, reviewers: 6, comparisons: 0 },
  installedAt: '2026-11-21T00:00:00Z',
  lastCheckedAt: null,
  lastSuccessAt: null,
  lastError: null,
  failures: 0,
};

describe('feedStatusLines', () => {
  it('describes the bundled dataset in plain words', () => {
    const lines = feedStatusLines(META, false, 'en-US');
    expect(lines).toEqual([
      'Source: Bundled dataset',
      'Feed date: Nov 20, 2026',
      'Contains 100,000 tools and 1 verdict',
      'Last check: never',
      'Last success: never',
    ]);
  });

  it('names the feed URL, says when it is syncing, and gives the last error with its path', () => {
    const lines = feedStatusLines(
      {
        ...META,
        source: 'https://feed.test/v.json',
        lastCheckedAt: '2026-11-22T10:00:00Z',
        lastSuccessAt: '2026-11-21T10:00:00Z',
        lastError: {
          code: 'invalid',
          message: 'The feed was refused: verdicts[3].reviews[1].quote: required.',
          path: 'verdicts[3].reviews[1].quote',
          at: '2026-11-22T10:00:00Z',
        },
      },
      true,
      'en-US',
    );
    expect(lines[0]).toBe('Syncing…');
    expect(lines[1]).toBe('Source: https://feed.test/v.json');
    expect(lines.at(-1)).toBe(
      'Last sync failed: The feed was refused: verdicts[3].reviews[1].quote: required.',
    );
    expect(lines.some((l) => l.startsWith('Last check: ') && !l.endsWith('never'))).toBe(true);
  });

  it('says when nothing is installed', () => {
    expect(feedStatusLines(null, false, 'en')).toEqual(['No dataset is installed yet.']);
  });
});

describe('lastErrorText', () => {
  it('adds the path when the message does not carry it', () => {
    expect(lastErrorText({ code: 'invalid', message: 'bad', path: 'tools[0].id', at: '' })).toBe(
      'Last sync failed: bad (at tools[0].id)',
    );
    expect(lastErrorText({ code: 'network', message: 'offline', at: '' })).toBe(
      'Last sync failed: offline',
    );
    expect(lastErrorText(null)).toBeNull();
  });
});

it('sourceText', () => {
  expect(sourceText('bundled')).toBe('Bundled dataset');
  expect(sourceText('https://x.test/f.json')).toBe('https://x.test/f.json');
});
