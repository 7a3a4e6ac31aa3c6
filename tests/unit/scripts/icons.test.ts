import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, ICON_SOURCE, iconPath, renderIcon } from '../../../scripts/icons';

describe('icons', () => {
  const svg = readFileSync(ICON_SOURCE, 'utf8');

  it.each(ICON_SIZES)('public/icon/%i.png is `npm run icons` output of assets/icon.svg', (size) => {
    const committed = readFileSync(iconPath(size));
    expect(committed.equals(renderIcon(svg, size)), 'run npm run icons').toBe(true);
  });
});
