import { i18n } from '#i18n';
import { dateText, dateTimeText } from './locale';
import type { MetaRow } from '../model/dataset-meta';
import { issueText, workerText } from './worker-text';

/** Where the data came from, in plain words. */
export const sourceText = (source: string): string =>
  source === 'bundled' ? i18n.t('status.bundled') : source;

/**
 * The last sync error in plain words, in the UI's language (a row stored before errors had codes:
 * in its English), with the feed's JSON path when the message lacks it.
 */
export function lastErrorText(error: MetaRow['lastError']): string | null {
  if (!error) return null;
  const message = workerText(error).trim();
  return error.path && !message.includes(error.path)
    ? i18n.t('status.lastErrorAt', { message, path: error.path })
    : i18n.t('status.lastError', { message });
}

/**
 * The options page's status lines: source, feed date, counts, last check, last success and the
 * last error. `meta` is null before any dataset is installed.
 */
export function feedStatusLines(meta: MetaRow | null, syncing: boolean, locale: string): string[] {
  const lines: string[] = [];
  if (syncing) lines.push(i18n.t('status.syncing'));
  if (!meta) {
    lines.push(i18n.t('status.none'));
    return lines;
  }
  const { tools, verdicts } = meta.counts;
  const n = (x: number): [string] => [x.toLocaleString(locale)];
  lines.push(i18n.t('status.source', { source: sourceText(meta.source) }));
  if (meta.signed)
    lines.push(
      i18n.t('status.signed', {
        seq: meta.signed.seq.toLocaleString(locale),
        key: `${meta.signed.publicKey.slice(0, 20)}…`,
        how: i18n.t(meta.signed.keyFrom === 'settings' ? 'status.keySettings' : 'status.keyPinned'),
      }),
    );
  else if (meta.source !== 'bundled') lines.push(i18n.t('status.unsigned'));
  lines.push(i18n.t('status.feedDate', { date: dateText(meta.generatedAt, locale) }));
  lines.push(
    i18n.t('status.contains', {
      tools: i18n.t('status.tools', tools, n(tools)),
      verdicts: i18n.t('status.verdicts', verdicts, n(verdicts)),
    }),
  );
  lines.push(i18n.t('status.lastCheck', { date: dateTimeText(meta.lastCheckedAt, locale) }));
  lines.push(i18n.t('status.lastSuccess', { date: dateTimeText(meta.lastSuccessAt, locale) }));
  const error = lastErrorText(meta.lastError);
  if (error) lines.push(error);
  if (meta.lastRepair)
    lines.push(
      i18n.t('status.repaired', {
        at: dateTimeText(meta.lastRepair.at, locale),
        message: workerText(meta.lastRepair),
      }),
    );
  return lines;
}

/**
 * Each problem of a refused feed, as listed under the status (capped when stored), and how many
 * more there were; empty when the last error was not about the feed's content or had just one.
 */
export function problemList(error: MetaRow['lastError']): { items: string[]; more: number } {
  // In the UI's language where the row has the codes, else as an older version stored them.
  const items = error?.issues?.map(issueText) ?? error?.problems ?? [];
  const total = error?.problemCount ?? items.length;
  if (total < 2) return { items: [], more: 0 };
  return { items, more: total - items.length };
}
