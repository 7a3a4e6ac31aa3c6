import { describe, expect, it } from 'vitest';
import { followedReviewers } from '../../../lib/model/followed-reviews';
import { PERSONAS } from '../../../lib/model/reviewers';
import { personas } from '../../../lib/ui/personas';
import { inLanguage } from '../support/in-language';

describe('personas', () => {
  it('are the built-in panel in English, in its order', () => {
    expect(personas()).toEqual(PERSONAS);
  });

  it('describe the panel in German, under the names the feed attributes quotes to', async () => {
    const german = await inLanguage('de', personas);
    expect(german.map((p) => p.id)).toEqual(PERSONAS.map((p) => p.id));
    expect(german.map((p) => p.name)).toEqual(PERSONAS.map((p) => p.name));
    expect(german[0]!.focus).toBe('Entwicklererfahrung, der Kernbaustein, der Moment der Wahrheit');
    for (const [i, p] of german.entries()) expect(p.focus).not.toBe(PERSONAS[i]!.focus);
  });

  it('name a reviewer the dataset has no entry for, in the UI’s language', async () => {
    const dataset = [{ id: 'builder' as const, name: 'Feed Builder', focus: 'from the feed' }];
    const [builder, business] = await inLanguage('de', () =>
      followedReviewers(['builder', 'business'], dataset, personas()),
    );
    expect(builder).toEqual(dataset[0]);
    expect(business!.focus).toMatch(/^Der Käufer/);
  });
});
