import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanFeedText } from '../../../lib/feed/prescan';
import { LIMITS } from '../../../lib/feed/schema';
import { runNow } from '../../../lib/model/steps';
import { syntheticFeed } from '../support/feeds';
import { fuzzParams } from '../fuzz/runs';

const scan = (text: string) => runNow(scanFeedText(text));

/** The rule, said recursively on the parsed value (fine for the small values generated here). */
function violates(value: unknown, depth = 1, recordList = false): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > LIMITS.depth) return true;
  if (Array.isArray(value)) {
    if (!recordList && value.length > LIMITS.innerList) return true;
    return value.some((v) => violates(v, depth + 1));
  }
  return Object.entries(value).some(([k, v]) =>
    violates(
      v,
      depth + 1,
      depth === 1 && ['reviewers', 'tools', 'verdicts', 'comparisons'].includes(k),
    ),
  );
}

describe('scanFeedText', () => {
  it('passes a valid feed, with or without white space', () => {
    const feed = syntheticFeed({ tools: 20, verdicts: 30, comparisons: 10 });
    expect(scan(JSON.stringify(feed))).toBeNull();
    expect(scan(JSON.stringify(feed, null, 2))).toBeNull();
  });

  it('names the path of a too-deep container and of a too-long list', () => {
    const deep = `{"tools":[{"x":${'['.repeat(20)}${']'.repeat(20)}}]}`;
    expect(scan(deep)).toEqual({
      path: 'tools[0].x[0][0][0][0][0]',
      message: 'nested more than 8 levels deep',
      text: { code: 'tooDeep', params: { depth: 8 } },
    });
    const long = `{"tools":[{"name":"a\\"]],[","x":[${'1,'.repeat(1000)}1]}]}`;
    expect(scan(long)).toEqual({
      path: 'tools[0].x',
      message: 'more than the 1,000 items allowed',
      text: { code: 'tooManyItems', params: { max: 1000, count: null } },
    });
    const many = `{"reviewers":[${'{},'.repeat(6)}{}]}`;
    expect(scan(many)).toEqual({
      path: 'reviewers',
      message: 'more than the 6 records allowed',
      text: { code: 'tooManyRecords', params: { max: 6, count: null } },
    });
  });

  it('finds no limit on the prototype: a "constructor" list is an inner list', () => {
    const text = `{"constructor":[${'0,'.repeat(1000)}0]}`;
    expect(scan(text)?.message).toBe('more than the 1,000 items allowed');
  });

  it('agrees with the rule said on the parsed value, for any JSON', () => {
    const deepish = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(
          fc.constantFrom('tools', 'x', 'constructor', '__proto__', 'a"b'),
          tie('value'),
          {
            maxKeys: 3,
          },
        ),
      ),
    })).value;
    fc.assert(
      fc.property(deepish, (value) => {
        const text = JSON.stringify(value);
        expect(scan(text) !== null, text).toBe(violates(JSON.parse(text)));
      }),
      fuzzParams('scanFeedText'),
    );
  });
});
