import { defineContentScript } from 'wxt/utils/define-content-script';
import { runLens } from '../lib/content/run-lens';

// Detection only, kept tiny because it runs on every GitHub and Hugging Face page; the UI comes
// as a second script (lens-ui.content.tsx) when there is something to show.
export default defineContentScript({
  matches: ['https://github.com/*', 'https://huggingface.co/*'],
  // document_start: the lookup and the UI load overlap the page's own loading.
  runAt: 'document_start',
  main(ctx) {
    return runLens(ctx);
  },
});
