/**
 * The badges the worker left in a list page, as the list script reads them
 * (lib/content/left-links.ts): only for results the worker looked up, never from inherited names.
 */
import { describe, expect, it } from 'vitest';
import { leftBadgesFor } from '../../../lib/content/left-links';
import type { BadgeSummary } from '../../../lib/model/answers';

const badge: BadgeSummary = {
  toolId: 'ml-intern',
  toolName: 'ml-intern',
  verdictId: 'ml-intern',
  panelShip: 75,
};
const RATED = 'https://github.com/huggingface/ml-intern';
const UNRATED = 'https://github.com/synthetic-unrated/not-in-the-dataset';

describe('leftBadgesFor', () => {
  it('reads rated and unrated results, in the order asked', () => {
    expect(leftBadgesFor({ [RATED]: badge, [UNRATED]: null }, [UNRATED, RATED])).toEqual([
      null,
      badge,
    ]);
  });

  it('answers nothing when a result was not looked up, so the list script asks for it', () => {
    const left = { [RATED]: badge };
    expect(leftBadgesFor(left, [RATED, UNRATED])).toBeNull();
    expect(leftBadgesFor(left, [RATED])).toEqual([badge]);
  });

  it('answers nothing for a left value of another shape', () => {
    expect(leftBadgesFor(null, [RATED])).toBeNull();
    expect(leftBadgesFor('left', [RATED])).toBeNull();
  });

  it('reads no inherited property as a badge', () => {
    expect(leftBadgesFor({}, ['toString'])).toBeNull();
    expect(leftBadgesFor({ toString: null }, ['toString'])).toEqual([null]);
  });
});
