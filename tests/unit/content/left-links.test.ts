/**
 * The badges the worker leaves in a list page for the list script (lib/content/left-links.ts):
 * they must come through `scripting.executeScript`'s arguments whole, unrated results included.
 */
import { describe, expect, it } from 'vitest';
import { leaveLinks, leftBadgesFor } from '../../../lib/content/left-links';
import type { BadgeSummary } from '../../../lib/model/answers';

const badge: BadgeSummary = {
  toolId: 'ml-intern',
  toolName: 'ml-intern',
  verdictId: 'ml-intern',
  panelShip: 75,
};
const RATED = 'https://github.com/huggingface/ml-intern';
const UNRATED = 'https://github.com/synthetic-unrated/not-in-the-dataset';

/**
 * What Chrome's argument conversion does to an object's null-valued properties (seen on the
 * bench's list page: 91 results left, 1 arrived): drops them. Arrays keep their items.
 */
function stripNullProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNullProperties);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, stripNullProperties(v)]),
  );
}

describe('leaveLinks and leftBadgesFor', () => {
  it('keep the unrated results through an argument conversion that drops null properties', () => {
    const left = stripNullProperties(leaveLinks({ [RATED]: badge, [UNRATED]: null }));
    expect(leftBadgesFor(left as ReturnType<typeof leaveLinks>, [UNRATED, RATED])).toEqual([
      null,
      badge,
    ]);
  });

  it('answer nothing when a result was not looked up, so the list script asks for it', () => {
    const left = leaveLinks({ [RATED]: badge });
    expect(leftBadgesFor(left, [RATED, UNRATED])).toBeNull();
    expect(leftBadgesFor(left, [RATED])).toEqual([badge]);
  });

  it('answer nothing for a left value of another shape', () => {
    const odd = { [RATED]: badge } as unknown as ReturnType<typeof leaveLinks>;
    expect(leftBadgesFor(odd, [RATED])).toBeNull();
    expect(leftBadgesFor({ asked: [RATED], rated: null } as never, [RATED])).toBeNull();
  });

  it('read no inherited property as a badge', () => {
    expect(leftBadgesFor(leaveLinks({ toString: null }), ['toString'])).toEqual([null]);
  });
});
