import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

/** browser.i18n.getMessage over the English catalogue, as the built extension answers it. */
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
