import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByRecency, versionOf } from '../../../lib/store/verdict-order';

interface V {
  id: string;
  title: string;
  publishedAt?: string;
}

const v = (id: string, title: string, publishedAt?: string): V =>
  publishedAt ? { id, title, publishedAt } : { id, title };

const order = (list: V[]) => orderByRecency(list).map((x) => x.id);

describe('versionOf', () => {
  it.each([
    ['Cursor v0.50 – synthetic release', [0, 50]],
    ['Cursor v0.49 – synthetic release', [0, 49]],
    ['Foo 2.1.3', [2, 1, 3]],
    ['Synthetic 3.5 Sonnet', [3, 5]],
    ['Synthetic V2: the sequel', [2]],
    ['Synthetic (v1.2) preview', [1, 2]],
    ['Synthetic 4, again', [4]],
    ['Synthetic 1.0-beta', [1, 0]],
    ['v7', [7]],
    ['Synthetic tool', []],
    ['GPT-4o synthetic', []],
    ['Synthetic 3x faster', []],
    ['', []],
  ])('%j → %j', (title, version) => {
    expect(versionOf(title)).toEqual(version);
  });
});

describe('orderByRecency', () => {
  const v49 = v('v49', 'Cursor v0.49 – synthetic');
  const v50 = v('v50', 'Cursor v0.50 – synthetic');

  it('puts the higher release first, whatever the feed order', () => {
    expect(order([v49, v50])).toEqual(['v50', 'v49']);
    expect(order([v50, v49])).toEqual(['v50', 'v49']);
  });

  it('compares release parts as numbers, not text', () => {
    const list = [
      v('a', 'Synthetic v0.9'),
      v('b', 'Synthetic v0.10'),
      v('c', 'Synthetic v1.0'),
      v('d', 'Synthetic v0.99'),
      v('e', 'Synthetic v0.10.1'),
    ];
    expect(order(list)).toEqual(['c', 'd', 'e', 'b', 'a']);
  });

  it('lets publishedAt win over the release number', () => {
    const old = v('v49', v49.title, '2025-05-01T00:00:00Z');
    const newer = v('v50', v50.title, '2025-04-01T00:00:00Z');
    expect(order([old, newer])).toEqual(['v49', 'v50']);
    expect(order([newer, old])).toEqual(['v49', 'v50']);
  });

  it('puts a dated verdict before undated ones', () => {
    const dated = v('v49', v49.title, '2020-01-01T00:00:00Z');
    expect(order([v50, dated])).toEqual(['v49', 'v50']);
  });

  it('compares dates with offsets as instants', () => {
    const a = v('a', 'Synthetic', '2025-01-01T10:00:00+02:00'); // 08:00Z
    const b = v('b', 'Synthetic', '2025-01-01T09:00:00Z');
    expect(order([b, a])).toEqual(['b', 'a']);
  });

  it('falls back to the release number when dates are equal', () => {
    const at = '2025-01-01T00:00:00Z';
    expect(order([v('v50', v50.title, at), v('v49', v49.title, at)])).toEqual(['v50', 'v49']);
  });

  it('falls back to the later feed position when nothing else tells them apart', () => {
    const list = [v('a', 'Synthetic first'), v('b', 'Synthetic second'), v('c', 'Synthetic third')];
    expect(order(list)).toEqual(['c', 'b', 'a']);
    const same = [v('x', 'Synthetic v1.0'), v('y', 'Synthetic v1.0')];
    expect(order(same)).toEqual(['y', 'x']);
  });

  it('keeps an unnumbered title in its feed place among numbered releases', () => {
    // "Cursor Background Agents" (a later page) says nothing about its release number.
    const agents = v('agents', 'Cursor Background Agents');
    expect(order([v49, agents, v50])).toEqual(['v50', 'agents', 'v49']);
    expect(order([v50, v49, agents])).toEqual(['agents', 'v50', 'v49']);
    expect(order([agents, v50, v49])).toEqual(['v50', 'v49', 'agents']);
  });

  it('orders numbered releases by number and leaves unnumbered ones in their feed places (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat(9), { nil: undefined }), { maxLength: 10 }),
        (releases) => {
          const list = releases.map((n, i) =>
            v(`${i}`, n === undefined ? `Synthetic ${'x'.repeat(i)}` : `Synthetic v${n}`),
          );
          const out = order(list);
          const newestPlaceFirst = list.map((_, i) => `${i}`).reverse();
          out.forEach((id, place) => {
            if (releases[Number(id)] === undefined) expect(id).toBe(newestPlaceFirst[place]);
          });
          const numbered = out.filter((id) => releases[Number(id)] !== undefined);
          const versions = numbered.map((id) => releases[Number(id)]!);
          expect(versions).toEqual([...versions].sort((x, y) => y - x));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns the same objects in a new array and leaves the input alone', () => {
    const input = [v49, v50];
    const out = orderByRecency(input);
    expect(input.map((x) => x.id)).toEqual(['v49', 'v50']);
    expect(out).not.toBe(input);
    expect(out[0]).toBe(v50);
  });

  it('handles none and one', () => {
    expect(orderByRecency([])).toEqual([]);
    expect(order([v49])).toEqual(['v49']);
  });

  it('orders distinct releases by number in any input order (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.nat(50), fc.nat(200)), {
          minLength: 1,
          maxLength: 12,
          selector: ([a, b]) => `${a}.${b}`,
        }),
        (versions) => {
          const list = versions.map(([a, b]) => v(`${a}.${b}`, `Synthetic v${a}.${b} – x`));
          const expected = [...versions]
            .sort(([a1, b1], [a2, b2]) => a2 - a1 || b2 - b1)
            .map(([a, b]) => `${a}.${b}`);
          expect(order(list)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
