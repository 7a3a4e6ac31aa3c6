import { defineContentScript } from 'wxt/utils/define-content-script';
import { runLists } from '../lib/content/run-lists';
import { BUILT_IN_MATCHES } from '../lib/sites/built-in';

// Chips on list pages (search, trending, listings). Not in the manifest: the background runs it
// in a frame whose lens asked about a list page, so the always-on lens.js stays small and pages
// that are not lists never load it.
export default defineContentScript({
  matches: [...BUILT_IN_MATCHES],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main() {
    runLists();
  },
});
