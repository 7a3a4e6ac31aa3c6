import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The fake browser of the unit tests answers browser.i18n from the English catalogue, as the
 * built extension does in an English browser (the fake has no i18n of its own).
 */
const file = fileURLToPath(new URL('../../../locales/en.yml', import.meta.url));
const messages = generateChromeMessages(await parseMessagesFile(file)) as Record<
  string,
  { message: string }
>;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  const message = messages[key]?.message ?? '';
  return message.replace(/\$(\$|\d)/g, (_, which: string) =>
    which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
  );
}

Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
