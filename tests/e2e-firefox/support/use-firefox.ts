import { afterEach, beforeEach } from 'vitest';
import { launchFirefox, type Firefox } from './firefox';

/**
 * A fresh Firefox and profile for each test: nothing a test switches off leaks into the next.
 * Returns a getter, valid inside a test.
 */
export function useFirefox(): () => Firefox {
  let current: Firefox | undefined;
  beforeEach(async () => {
    current = await launchFirefox();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('Firefox did not start (see the beforeEach error)');
    return current;
  };
}
