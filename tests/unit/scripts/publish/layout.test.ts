import { describe, expect, it } from 'vitest';
import type { ShardLine } from '../../../../lib/feed/v2/schema';
import { bucketOf, placementKey } from '../../../../lib/feed/v2/placement';
import {
  composeChanges,
  diffStates,
  planShards,
  PublishError,
} from '../../../../scripts/publish/layout';
import {
  changeText,
  entryKey,
  entryOf,
  stateOfFeed,
  type State,
} from '../../../../scripts/publish/records';
import { synthFeed } from '../../../../scripts/synth';

const stateOf = (lines: ShardLine[]): State =>
  new Map(lines.map((line) => [entryKey(line.kind, line.record.id), entryOf(line)]));

describe('planShards', () => {
  const state = stateOfFeed(synthFeed({ tools: 400, seed: 2 }));

  it('takes the smallest power of two that keeps every shard under the target', () => {
    const plan = planShards(state, 64 * 1024);
    expect(Math.log2(plan.count) % 1).toBe(0);
    expect(plan.shards.every((s) => s.bytes <= 64 * 1024)).toBe(true);
    const half = planShards(state, 64 * 1024, plan.count / 2, false);
    expect(half.count).toBe(plan.count);
    expect(planShards(state, 64 * 1024 * 1024).count).toBe(1);
  });

  it('keeps a previous count while it fits, and doubles from it when a shard outgrows the target', () => {
    const small = planShards(state, 64 * 1024);
    expect(planShards(state, 4 * 1024 * 1024, small.count).count).toBe(small.count);
    expect(planShards(state, 16 * 1024, small.count).count).toBeGreaterThan(small.count);
  });

  it('sorts each shard by kind, then id, and places each line by its tool', () => {
    const plan = planShards(state, 64 * 1024);
    plan.shards.forEach((shard, i) => {
      const lines = shard.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as ShardLine);
      const order = lines.map(
        (l) => `${['reviewer', 'tool', 'verdict', 'comparison'].indexOf(l.kind)}${l.record.id}`,
      );
      expect(order).toEqual([...order].sort());
      for (const line of lines) expect(bucketOf(placementKey(line), plan.count)).toBe(i);
    });
  });

  it('does not split what cannot be split, and refuses what overflows the hard cap', () => {
    const big = synthFeed({ tools: 1, seed: 3 });
    const quote = 'x'.repeat(190_000);
    const verdicts = Array.from({ length: 30 }, (_, i) => ({
      ...big.verdicts[0]!,
      id: `synthetic-v-${i}`,
      summary: quote,
    }));
    const tooBig = stateOfFeed({ ...big, verdicts, comparisons: [] });
    expect(() => planShards(tooBig, 64 * 1024)).toThrow(PublishError);
    expect(() => planShards(tooBig, 64 * 1024)).toThrow(
      /the records of tool:synthetic-tool-1 take/,
    );
    const fits = stateOfFeed({ ...big, verdicts: verdicts.slice(0, 10), comparisons: [] });
    const plan = planShards(fits, 64 * 1024);
    expect(plan.count).toBeLessThanOrEqual(4);
    expect(plan.shards.filter((s) => s.records === 0).length).toBeLessThanOrEqual(1);
  });
});

describe('diff and compose', () => {
  const tool = (id: string, name = id): ShardLine => ({
    kind: 'tool',
    record: { id, name, match: { github: [], huggingface: [], domains: [] } },
  });
  const s1 = stateOf([tool('a'), tool('b'), tool('c')]);
  const s2 = stateOf([tool('a', 'A2'), tool('b'), tool('d')]);
  const s3 = stateOf([tool('a', 'A3'), tool('c'), tool('d')]);

  it('diffs by kind and id, comparing canonical lines', () => {
    expect(diffStates(s1, s2).map(changeText)).toEqual([
      '{"kind":"tool","op":"put","record":{"id":"a","match":{"domains":[],"github":[],"huggingface":[]},"name":"A2"}}',
      '{"id":"c","kind":"tool","op":"delete"}',
      '{"kind":"tool","op":"put","record":{"id":"d","match":{"domains":[],"github":[],"huggingface":[]},"name":"d"}}',
    ]);
    expect(diffStates(s1, s1)).toEqual([]);
  });

  it('composes to the state after the newer delta', () => {
    const composed = composeChanges(diffStates(s1, s2), diffStates(s2, s3), s3);
    expect(composed.map((c) => `${c.op} ${c.id}`)).toEqual(['put a', 'delete b', 'put c', 'put d']);
    // c was deleted and put back with the same line: the publisher cannot see seq 1 from the
    // deltas alone, so it stays a put of what c is; applying it is still right.
    expect(diffStates(s1, s3).map((c) => `${c.op} ${c.id}`)).toEqual([
      'put a',
      'delete b',
      'put d',
    ]);
  });
});
