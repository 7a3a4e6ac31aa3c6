import { describe, expect, it } from 'vitest';
import { byText, lowerBound } from '../../../lib/model/sorted';

describe('byText', () => {
  it('orders by code unit, as < does (upper case and digits before lower case)', () => {
    expect(['b', 'B', 'a', '10', '9', 'é', 'e'].sort(byText)).toEqual([
      '10',
      '9',
      'B',
      'a',
      'b',
      'e',
      'é',
    ]);
    expect(byText('x', 'x')).toBe(0);
  });
});

describe('lowerBound', () => {
  const keys = ['a', 'c', 'c', 'e'];
  const at = (i: number) => keys[i]!;

  it.each([
    ['', 0],
    ['a', 0],
    ['b', 1],
    ['c', 1],
    ['d', 3],
    ['e', 3],
    ['f', 4],
  ])('%j → %i', (q, expected) => {
    expect(lowerBound(keys.length, at, q)).toBe(expected);
  });

  it('is 0 on an empty sequence', () => {
    expect(lowerBound(0, () => 'never read', 'x')).toBe(0);
  });
});
