import { defineConfig } from 'vitest/config';

// Audits of the built extension: run after `npm run build` and `npm run build:firefox`
// (`npm run test:audit` does all of it). Kept out of the unit config, which must not need a build.
export default defineConfig({
  test: {
    include: ['tests/audit/**/*.test.ts'],
    environment: 'node',
    maxWorkers: 2,
  },
});
