import { defineConfig } from 'vitest/config';
import unit from './vitest.config';

// The fault-and-attack suite (`npm run test:hostile`; full size under `npm run fuzz`): hostile
// feeds and transports synced over a good dataset on fake-indexeddb. Kept out of the unit run,
// which must stay at about 20 s.
export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    include: ['tests/hostile/**/*.test.ts'],
    testTimeout: process.env.HOSTILE_SIZE === 'full' ? 600_000 : 60_000,
  },
});
