import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../lib/feed/validate';
import { toolMatchKeys } from '../../../lib/model/match-keys';
import type { Feed } from '../../../lib/feed/schema';
import { mergeFeeds, prng, QUOTE_MAX, QUOTE_MIN, synthFeed } from '../../../scripts/synth';
import { main, type CliIo } from '../../../scripts/verdicts';

const bytesPerTool = (feed: Feed) => JSON.stringify(feed).length / feed.tools.length;

describe('synthFeed', () => {
  const feed = synthFeed({ tools: 500, seed: 42 });

  it('is a valid feed v1', () => {
    const parsed = parseFeed(JSON.parse(JSON.stringify(feed)));
    expect(parsed.ok ? [] : parsed.problems.slice(0, 3)).toEqual([]);
    expect(feed.tools).toHaveLength(500);
    expect(feed.verdicts).toHaveLength(500);
    expect(feed.comparisons).toHaveLength(250);
  });

  it('is the same for a seed and different for another', () => {
    expect(JSON.stringify(synthFeed({ tools: 50, seed: 42 }))).toBe(
      JSON.stringify(synthFeed({ tools: 50, seed: 42 })),
    );
    expect(JSON.stringify(synthFeed({ tools: 50, seed: 43 }))).not.toBe(
      JSON.stringify(synthFeed({ tools: 50, seed: 42 })),
    );
  });

  it('says it is synthetic in every id and name', () => {
    for (const tool of feed.tools) {
      expect(tool.id).toMatch(/^synthetic-/);
      expect(tool.name).toMatch(/^Synthetic Tool \d+$/);
    }
    for (const verdict of feed.verdicts) expect(verdict.id).toMatch(/^synthetic-/);
    for (const comparison of feed.comparisons) expect(comparison.id).toMatch(/^synthetic-/);
  });

  it('has realistic shapes: four reviews of 150–600 characters, about 1.5 KB a tool', () => {
    for (const verdict of feed.verdicts) {
      expect(verdict.reviews).toHaveLength(4);
      expect(new Set(verdict.reviews.map((r) => r.reviewerId)).size).toBe(4);
      for (const { quote } of verdict.reviews) {
        expect(quote.length).toBeGreaterThanOrEqual(QUOTE_MIN);
        expect(quote.length).toBeLessThanOrEqual(QUOTE_MAX);
      }
    }
    expect(bytesPerTool(feed)).toBeGreaterThan(1300);
    expect(bytesPerTool(feed)).toBeLessThan(1800);
  });

  it('gives every tool unique match keys on GitHub, Hugging Face (all three kinds) and a domain', () => {
    for (const tool of feed.tools) {
      expect(tool.match.github).toHaveLength(1);
      expect(tool.match.huggingface).toHaveLength(1);
      expect(tool.match.domains).toHaveLength(1);
      expect(tool.match.domains[0]).toMatch(/\.example$/);
    }
    const hf = feed.tools.map((t) => t.match.huggingface[0]!);
    expect(hf.some((k) => k.startsWith('datasets/'))).toBe(true);
    expect(hf.some((k) => k.startsWith('spaces/'))).toBe(true);
    expect(hf.some((k) => !/^(datasets|spaces)\//.test(k))).toBe(true);
    const keys = feed.tools.flatMap((t) => toolMatchKeys(t.match));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('merges into a real feed without collisions', () => {
    const base = synthFeed({ tools: 3, seed: 1 });
    const renamed: Feed = {
      ...base,
      tools: [
        {
          id: 'ml-intern',
          name: 'ml-intern',
          match: { github: ['huggingface/ml-intern'], huggingface: [], domains: [] },
        },
      ],
      verdicts: [{ ...base.verdicts[0]!, id: 'ml-intern', toolId: 'ml-intern' }],
      comparisons: [],
    };
    const merged = mergeFeeds(renamed, synthFeed({ tools: 20, seed: 9 }));
    expect(parseFeed(JSON.parse(JSON.stringify(merged))).ok).toBe(true);
    expect(merged.tools).toHaveLength(21);
  });

  it('refuses a negative count', () => {
    expect(() => synthFeed({ tools: -1 })).toThrow(RangeError);
  });

  it('draws numbers in [0, 1), reproducibly', () => {
    const a = prng(5);
    const b = prng(5);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('verdicts synth', () => {
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      cwd: process.cwd(),
      root: process.cwd(),
      now: () => new Date('2030-01-01T00:00:00Z'),
    };
    return { code: await main(argv, io), stdout, stderr };
  };

  it('prints the same valid synthetic feed for the same seed', async () => {
    const a = await run(['synth', '--tools', '5', '--seed', '3']);
    const b = await run(['synth', '--tools', '5', '--seed', '3']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const parsed = parseFeed(JSON.parse(a.stdout));
    expect(parsed.ok && parsed.feed.tools.map((t) => t.id)).toEqual([
      'synthetic-tool-1',
      'synthetic-tool-2',
      'synthetic-tool-3',
      'synthetic-tool-4',
      'synthetic-tool-5',
    ]);
  });

  it('needs a whole --tools', async () => {
    const r = await run(['synth', '--tools', 'many']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--tools');
  });
});
