import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

type GetMessage = (key: string, substitutions?: string | string[]) => string;

/** browser.i18n.getMessage over one language's catalogue, as the built extension answers it. */
export async function messagesIn(lang: string): Promise<GetMessage> {
  const file = fileURLToPath(new URL(`../../../locales/${lang}.yml`, import.meta.url));
  const messages = generateChromeMessages(await parseMessagesFile(file)) as Record<
    string,
    { message: string }
  >;
  return (key, substitutions) => {
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    const message = messages[key]?.message ?? '';
    return message.replace(/\$(\$|\d)/g, (_, which: string) =>
      which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
    );
  };
}

/** The English one: what the unit tests' fake browser answers (i18n-setup.ts). */
export const getMessage = await messagesIn('en');
