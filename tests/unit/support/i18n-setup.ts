import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from './english-messages';

// The fake browser of the unit tests answers browser.i18n from the English catalogue, as the
// built extension does in an English browser (the fake has no i18n of its own).
Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
