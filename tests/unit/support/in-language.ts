import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage, messagesIn } from './english-messages';

/**
 * Runs `fn` with the fake browser answering from `lang`'s catalogue, as a browser in that
 * language would, then goes back to English.
 */
export async function inLanguage<T>(lang: string, fn: () => T): Promise<T> {
  const messages = await messagesIn(lang);
  Object.assign(fakeBrowser.i18n, { getMessage: messages, getUILanguage: () => lang });
  try {
    return fn();
  } finally {
    Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
  }
}
