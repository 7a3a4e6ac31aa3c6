import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    alias: {
      'webextension-polyfill': fileURLToPath(
        new URL('./tests/unit/support/polyfill-shim.ts', import.meta.url),
      ),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/unit/support/i18n-setup.ts'],
    // 2 cores: more workers only contend.
    maxWorkers: 2,
  },
});
