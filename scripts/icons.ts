import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

/**
 * The extension's icons, generated from one SVG (assets/icon.svg): `npm run icons` writes
 * public/icon/<size>.png. tests/unit/scripts/icons.test.ts renders them again and fails when the
 * committed PNGs are not this script's output of the current SVG.
 */
export const ICON_SIZES = [16, 32, 48, 128] as const;

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
export const ICON_SOURCE = root('assets/icon.svg');
export const iconPath = (size: number) => root(`public/icon/${size}.png`);

export function renderIcon(svg: string, size: number): Buffer {
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
  return Buffer.from(png);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const svg = readFileSync(ICON_SOURCE, 'utf8');
  for (const size of ICON_SIZES) {
    writeFileSync(iconPath(size), renderIcon(svg, size));
    process.stdout.write(`wrote public/icon/${size}.png\n`);
  }
}
