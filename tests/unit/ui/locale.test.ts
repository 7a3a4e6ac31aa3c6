import { describe, expect, it } from 'vitest';
import { uiLocale } from '../../../lib/ui/locale';

describe('uiLocale', () => {
  it('is the language of the catalogue in use', () => {
    expect(uiLocale()).toBe('en');
  });
});
