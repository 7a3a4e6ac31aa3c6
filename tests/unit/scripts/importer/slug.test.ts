import { describe, expect, it } from 'vitest';
import { SlugSchema } from '../../../../lib/feed/schema';
import { slugify } from '../../../../scripts/importer/slug';

describe('slugify', () => {
  it.each([
    [
      'Cursor v0.50 – Background Agent & Codebase Refactoring',
      'cursor-v0-50-background-agent-codebase-refactoring',
    ],
    ['ml-intern', 'ml-intern'],
    ['  Café  Crème!! ', 'cafe-creme'],
    ['GPT-4o (mini)', 'gpt-4o-mini'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('always gives a valid feed slug, even for long or non-Latin names', () => {
    for (const name of ['通义千问', '—', 'a'.repeat(300), `${'ab-'.repeat(60)}x`]) {
      const slug = slugify(name);
      expect(SlugSchema.safeParse(slug).success, `${name} → ${slug}`).toBe(true);
    }
    expect(slugify('通义千问')).toBe(slugify('通义千问'));
    expect(slugify('通义千问')).not.toBe(slugify('文心一言'));
  });
});
