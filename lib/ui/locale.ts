/**
 * The language the UI's words are in, for dates and numbers: a date in the browser's own locale
 * inside an English sentence ("As of 22. Nov. 2026") reads as a mistake. English is the only
 * UI language so far.
 */
export function uiLocale(): string {
  return 'en';
}
