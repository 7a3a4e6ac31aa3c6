import { defineContentScript } from 'wxt/utils/define-content-script';
import { runLens } from '../lib/content/run-lens';
import '../components/lens.css';

export default defineContentScript({
  matches: ['https://github.com/*', 'https://huggingface.co/*'],
  runAt: 'document_end',
  cssInjectionMode: 'ui',
  main(ctx) {
    return runLens(ctx);
  },
});
