import { existsSync } from 'node:fs';

/** The same resolution as scripts/ensure-chromium.mjs, which `npm test` runs first. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => !!p && existsSync(p),
  );
  if (!found)
    throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH.');
  return found;
}
