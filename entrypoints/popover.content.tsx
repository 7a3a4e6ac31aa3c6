import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUILT_IN_MATCHES } from '../lib/sites/built-in';
import { mountPopover } from '../components/popover/mount-popover';
import { provideUi } from '../lib/content/ui-bridge';
import { liveSettings } from '../lib/ui/live-settings';

// The popover (React). Not in the manifest: the background injects it into a page only when a
// badge there is first opened, so pages that are only read never load React.
export default defineContentScript({
  matches: [...BUILT_IN_MATCHES],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main() {
    // Read before the UI is offered, so the popover's first render has them.
    const settings = await liveSettings();
    provideUi((mount) => mountPopover(mount, settings()));
    // Only the e2e build tells the page, so a test can see when React was loaded.
    if (import.meta.env.MODE === 'e2e') document.documentElement.dataset.verdictLensUi = 'loaded';
  },
});
