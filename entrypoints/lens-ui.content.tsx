import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountBadge } from '../lib/content/mount-badge';
import { provideUi } from '../lib/content/ui-bridge';

// The badge and popover (React). Not in the manifest: the background injects it into a page only
// when the page has a verdict, so pages without one never load React.
export default defineContentScript({
  matches: ['https://github.com/*', 'https://huggingface.co/*'],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    provideUi((actions) => mountBadge(ctx, actions));
  },
});
