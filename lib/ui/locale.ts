import { i18n } from '#i18n';

/**
 * The language the UI's words are in, for dates and numbers: the catalogue the browser picked
 * (its language, else English) says which it is. The browser's own locale would put
 * "22 nov. 2026" inside an English sentence in a French browser.
 */
export function uiLocale(): string {
  return i18n.t('locale');
}

/**
 * An extension page in the UI's language: `lang` (the HTML says "en": screen readers would read
 * German words with English sounds) and its tab's title, when it has one of its own.
 */
export function localisePage(title?: string): void {
  document.documentElement.lang = uiLocale();
  if (title !== undefined) document.title = title;
}

/** A number as the UI's language writes it ("1,234" in English, "1.234" in German). */
export const numberText = (n: number): string => n.toLocaleString(uiLocale());

/**
 * One formatter per locale and style, made on first use: `toLocaleDateString` with options builds
 * a new formatter on every call, and the first opening of a popover formats two or three dates
 * (about 10 ms each on a slow machine, docs/benchmarks.md: popover.open.first.ms).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${style} ${locale}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      style === 'date'
        ? { year: 'numeric', month: 'short', day: 'numeric' }
        : { dateStyle: 'medium', timeStyle: 'short' },
    );
    formatters.set(key, format);
  }
  return format;
}

/** A date in `locale`, the UI's language, never the browser's default. */
export function dateText(iso: string | null | undefined, locale = uiLocale()): string {
  return dateIn(iso, (d) => formatter(locale, 'date').format(d));
}

export function dateTimeText(iso: string | null | undefined, locale = uiLocale()): string {
  return dateIn(iso, (d) => formatter(locale, 'dateTime').format(d));
}

/** "never" for no date and "unknown" for one that does not parse, in the UI's language too. */
function dateIn(iso: string | null | undefined, format: (d: Date) => string): string {
  if (!iso) return i18n.t('common.never');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? i18n.t('common.unknown') : format(d);
}
