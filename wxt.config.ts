import { defineConfig } from 'wxt';
import { BUILT_IN_MATCHES } from './lib/sites/built-in';

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// Host permissions are the least the always-on features need: GitHub and Hugging Face.
// Product sites are granted at run time (optional_host_permissions), see PERMISSIONS.md.
export default defineConfig({
  imports: false,
  // No global webextension-polyfill alias: the always-on content script uses the browser's own
  // promise-based API (MV3 Chrome and Firefox both have one); the background imports the polyfill
  // where it needs it (onMessage answering with a promise).
  // UI strings in locales/<lang>.yml, built into _locales (browser.i18n); English is the default.
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  manifest: ({ browser, mode }) => ({
    name: 'Verdict Lens',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Generated from assets/icon.svg by `npm run icons`.
    icons: ICONS,
    action: { default_icon: ICONS, default_title: 'Verdict Lens' },
    // Opens the popup from the keyboard (no permission needed). Alt+Shift+V: free in Chrome,
    // Firefox, GitHub's and Hugging Face's own shortcuts; users change it in the browser.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+V' },
        description: 'Open Verdict Lens',
      },
    },
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: [
      ...BUILT_IN_MATCHES,
      // The e2e build pre-grants what a user grants from the options page: the bundled product
      // site and the loopback feed server. The real grant flow (permissions.request) is unit-tested.
      ...(mode === 'e2e' || mode === 'bench'
        ? ['https://cursor.com/*', 'https://*.cursor.com/*', 'http://127.0.0.1/*']
        : []),
    ],
    // Asked for at run time, never at install: the product domains in the dataset when the user
    // switches product sites on, and the feed's own origin when the user sets a feed URL.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    // Ed25519 in WebCrypto, which checks a signed feed (lib/feed/v2/signature.ts).
    minimum_chrome_version: '137',
    // No content_scripts: GitHub and Hugging Face pages run nothing of ours until the worker has
    // looked their URL up (lib/background/tab-sync.ts runs the lens, the list probe and the list
    // script with `scripting`); product sites get the lens registered at run time
    // (lib/background/product-scripts.ts).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'verdict-lens@verdict-lens.dev',
              // Ed25519 in WebCrypto, which checks a signed feed (lib/feed/v2/signature.ts).
              strict_min_version: '129.0',
              // Firefox's data-collection declaration: nothing is collected or transmitted
              // (the only request is the feed download from the URL the user sets), see PRIVACY.md.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
