import { defineConfig } from '@playwright/test';

// One worker: each test runs a whole Chromium with the extension on a 2-core machine.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: { trace: 'off' },
});
