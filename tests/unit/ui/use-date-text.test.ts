import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useDateText } from '../../../lib/ui/use-date-text';

function DateProbe({ iso }: { iso: string }) {
  return createElement('span', null, useDateText(iso) || 'none yet');
}

describe('useDateText', () => {
  it('formats nothing in the first render (the second brings it: tests/e2e/popover.spec.ts)', () => {
    expect(renderToStaticMarkup(createElement(DateProbe, { iso: '2026-05-20T00:00:00Z' }))).toBe(
      '<span>none yet</span>',
    );
  });
});
