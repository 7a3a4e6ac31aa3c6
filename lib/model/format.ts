export const percent = (n: number): string => `${Math.round(n)}%`;

/** "—" is the review site's own mark for "no votes yet". */
export const communityText = (n: number | null): string => (n === null ? '—' : percent(n));

/** A date in `locale`, the UI's language (lib/ui/locale.ts), never the browser's default. */
export function dateText(iso: string | null | undefined, locale: string): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'unknown';
  return d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function dateTimeText(iso: string | null | undefined, locale: string): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'unknown';
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
