import { describe, expect, it } from 'vitest';
import { badgeAccessibleName, badgeLabel } from '../../../lib/model/badge-label';

describe('badge labels', () => {
  it.each([
    [75, 'ml-intern: 75% ship', 'ml-intern: 75% ship (ship), open panel verdict'],
    [69, 'ml-intern: 69% ship', 'ml-intern: 69% ship (mixed), open panel verdict'],
    [12, 'ml-intern: 12% ship', 'ml-intern: 12% ship (skip), open panel verdict'],
  ])('%i → %j / %j', (score, label, name) => {
    expect(badgeLabel('ml-intern', score)).toBe(label);
    expect(badgeAccessibleName('ml-intern', score)).toBe(name);
  });
});
