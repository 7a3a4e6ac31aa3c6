import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite (`npm run test:e2e:firefox`, after `npm run build:e2e:firefox`).
// Puppeteer-core, not Playwright: Playwright drives only its own patched Firefox builds, and
// Debian's firefox-esr speaks plain WebDriver BiDi. One file at a time: each test runs a whole
// Firefox on a 2-core machine. No retries: a flaky test is a bug to fix.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/e2e-firefox/support/i18n-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    retry: 0,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
