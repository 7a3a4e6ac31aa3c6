import { defineConfig } from 'wxt';

// Host permissions are the least the always-on features need: GitHub and Hugging Face.
// Product sites are granted at run time (optional_host_permissions), see PERMISSIONS.md.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Verdict Lens',
    description:
      'Expert panel verdicts on AI and developer tools, on GitHub, Hugging Face and the tools’ own sites.',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://github.com/*', 'https://huggingface.co/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'verdict-lens@verdict-lens.dev', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
