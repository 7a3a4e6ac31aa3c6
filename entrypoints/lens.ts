import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runLens } from '../lib/content/run-lens';

// Detection and the drawn badge; the React popover comes as a second script (popover.content.tsx)
// when a badge is opened. Not in the manifest: the worker runs it in a GitHub or Hugging Face
// page whose URL it rates (lib/background/tab-sync.ts), and product sites get it registered at
// document_start (lib/background/product-scripts.ts). An unlisted script, not a WXT content
// script: WXT wraps those in a ContentScriptContext whose setup costs more main-thread time than
// the rest of a visit; lib/content/lifetime.ts keeps the part the lens uses.
export default defineUnlistedScript(() => runLens());
