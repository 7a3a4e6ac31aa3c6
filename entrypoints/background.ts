import { defineBackground } from 'wxt/utils/define-background';
import { installBenchHooks } from '../lib/background/bench-hooks';
import { startBackground } from '../lib/background/start';

export default defineBackground({
  type: 'module',
  main() {
    const state = startBackground();
    // `npm run bench` only: statically false in every other build, which drops the module.
    if (import.meta.env.MODE === 'bench') installBenchHooks(state);
  },
});
