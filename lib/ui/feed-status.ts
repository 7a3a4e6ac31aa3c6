import { dateText, dateTimeText } from '../model/format';
import type { MetaRow } from '../model/dataset-meta';

const count = (n: number, one: string, many: string, locale: string): string =>
  `${n.toLocaleString(locale)} ${n === 1 ? one : many}`;

/** Where the data came from, in plain words. */
export const sourceText = (source: string): string =>
  source === 'bundled' ? 'Bundled dataset' : source;

/** The last sync error in plain words, with the feed's JSON path when the message lacks it. */
export function lastErrorText(error: MetaRow['lastError']): string | null {
  if (!error) return null;
  const message = error.message.trim();
  const path = error.path && !message.includes(error.path) ? ` (at ${error.path})` : '';
  return `Last sync failed: ${message}${path}`;
}

/**
 * The options page's status lines: source, feed date, counts, last check, last success and the
 * last error. `meta` is null before any dataset is installed.
 */
export function feedStatusLines(meta: MetaRow | null, syncing: boolean, locale: string): string[] {
  const lines: string[] = [];
  if (syncing) lines.push('Syncing…');
  if (!meta) {
    lines.push('No dataset is installed yet.');
    return lines;
  }
  lines.push(`Source: ${sourceText(meta.source)}`);
  lines.push(`Feed date: ${dateText(meta.generatedAt, locale)}`);
  lines.push(
    `Contains ${count(meta.counts.tools, 'tool', 'tools', locale)} and ${count(meta.counts.verdicts, 'verdict', 'verdicts', locale)}`,
  );
  lines.push(`Last check: ${dateTimeText(meta.lastCheckedAt, locale)}`);
  lines.push(`Last success: ${dateTimeText(meta.lastSuccessAt, locale)}`);
  const error = lastErrorText(meta.lastError);
  if (error) lines.push(error);
  return lines;
}

/**
 * Each problem of a refused feed, as listed under the status (capped when stored), and how many
 * more there were; empty when the last error was not about the feed's content or had just one.
 */
export function problemList(error: MetaRow['lastError']): { items: string[]; more: number } {
  const items = error?.problems ?? [];
  const total = error?.problemCount ?? items.length;
  if (total < 2) return { items: [], more: 0 };
  return { items, more: total - items.length };
}
