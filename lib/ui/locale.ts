import { i18n } from '#i18n';

/**
 * The language the UI's words are in, for dates and numbers: the catalogue the browser picked
 * (its language, else English) says which it is. The browser's own locale would put
 * "22 nov. 2026" inside an English sentence in a French browser.
 */
export function uiLocale(): string {
  return i18n.t('locale');
}

/** A number as the UI's language writes it ("1,234" in English, "1.234" in German). */
export const numberText = (n: number): string => n.toLocaleString(uiLocale());
