import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../../lib/model/fold-text';

describe('foldText', () => {
  it('leaves a short text whole', () => {
    expect(foldText('short enough', 12)).toBeNull();
  });

  it('cuts at the last word boundary, never inside a word', () => {
    expect(foldText('The background agent refactors well', 24)).toBe('The background agent…');
    expect(foldText('The background agent refactors well', 20)).toBe('The background agent…');
    expect(foldText('The background agent refactors well', 19)).toBe('The background…');
    // Lines count as boundaries too.
    expect(foldText('first line\nsecond line', 14)).toBe('first line…');
  });

  it('cuts a single word longer than the preview where it must', () => {
    expect(foldText('Supercalifragilistic', 5)).toBe('Super…');
  });

  it('any preview is a prefix of the text, ends at a boundary and fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zäß]{1,12}$/), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 13, max: 200 }),
        (words, at) => {
          const text = words.join(' ');
          const preview = foldText(text, at);
          if (preview === null) {
            expect(text.length).toBeLessThanOrEqual(at);
            return;
          }
          const cut = preview.slice(0, -1);
          expect(text.startsWith(cut)).toBe(true);
          expect(cut.length).toBeLessThanOrEqual(at);
          expect(text[cut.length]).toBe(' ');
        },
      ),
    );
  });
});
