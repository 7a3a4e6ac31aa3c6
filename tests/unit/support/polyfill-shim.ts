// Unit tests run outside a browser, where webextension-polyfill refuses to load: it is the fake
// browser there, like `wxt/browser`.
import { fakeBrowser } from 'wxt/testing/fake-browser';

export default fakeBrowser;
