import reservedNames from 'github-reserved-names/reserved-names.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../lib/detect/examples';
import { EXTRA_RESERVED, RESERVED_OWNERS } from '../../../lib/detect/github';

describe('GitHub reserved owners', () => {
  it('come from the maintained github-reserved-names list', () => {
    expect(reservedNames.length).toBeGreaterThan(250);
    for (const name of reservedNames) expect(RESERVED_OWNERS.has(name)).toBe(true);
  });

  it('add only product paths that list lacks, each shown refused by an example', () => {
    const rejected = EXAMPLES.github.reject.map((url) => new URL(url).pathname.split('/')[1]);
    for (const name of EXTRA_RESERVED) {
      expect(reservedNames, `${name} is upstream now: drop it from EXTRA_RESERVED`).not.toContain(
        name,
      );
      expect(rejected, `${name} needs a reject example`).toContain(name);
    }
  });

  it('leave live owners alone that older copies refused', () => {
    for (const owner of ['community', 'access', 'docs'])
      expect(RESERVED_OWNERS.has(owner)).toBe(false);
  });
});
