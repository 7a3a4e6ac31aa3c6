import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run screenshots`: the README's pictures, taken by the e2e harness. Not part of `npm test`.
export default defineConfig({ ...base, testDir: 'tests/screenshots' });
