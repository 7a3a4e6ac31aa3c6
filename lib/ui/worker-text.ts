import { i18n } from '#i18n';
import type { FeedIssue, WorkerText } from '../model/worker-text';
import { dateTimeText, numberText } from './locale';
import { problemText } from './problem-text';

/**
 * What the worker said, in the UI's language (lib/model/worker-text.ts). A row or a reply from
 * before texts had codes carries only the English `message`: that is shown as it is.
 */
export function workerText(said: { message: string; text?: WorkerText }): string {
  return said.text ? textOf(said.text) : said.message;
}

/** One problem of a feed: its path as the feed has it, then what is wrong, in the UI's language. */
export function issueText(issue: FeedIssue): string {
  const problem = problemText(issue.text);
  return issue.path === '' ? problem : i18n.t('problem.at', { path: issue.path, problem });
}

function textOf(text: WorkerText): string {
  switch (text.code) {
    case 'urlEmpty':
      return i18n.t('worker.urlEmpty');
    case 'urlNotUrl':
      return i18n.t('worker.urlNotUrl', text.params);
    case 'urlSpace':
      return i18n.t('worker.urlSpace', text.params);
    case 'urlNoHost':
      return i18n.t('worker.urlNoHost');
    case 'urlBadHost':
      return i18n.t('worker.urlBadHost', text.params);
    case 'urlCredentials':
      return i18n.t('worker.urlCredentials');
    case 'urlHttp':
      return i18n.t('worker.urlHttp');
    case 'urlScheme':
      return i18n.t('worker.urlScheme', text.params);
    case 'timeout':
      return i18n.t('worker.timeout', { seconds: numberText(text.params.seconds) });
    case 'timeoutBody':
      return i18n.t('worker.timeoutBody', { seconds: numberText(text.params.seconds) });
    case 'network':
      return i18n.t('worker.network', text.params);
    case 'networkBody':
      return i18n.t('worker.networkBody', text.params);
    case 'redirect':
      return i18n.t('worker.redirect');
    case 'http':
      // A status code is a code, not an amount: no digit grouping.
      return i18n.t('worker.http', { status: String(text.params.status) });
    case 'notModifiedPlain':
      return i18n.t('worker.notModifiedPlain');
    case 'tooLarge':
      return i18n.t('worker.tooLarge', { megabytes: numberText(text.params.megabytes) });
    case 'empty':
      return i18n.t('worker.empty');
    case 'html':
      return i18n.t('worker.html');
    case 'notJson':
      return i18n.t('worker.notJson', text.params);
    case 'refused':
      return refusedText(text.params);
    case 'stale':
      return i18n.t('worker.stale', {
        feedDate: dateTimeText(text.params.feedDate),
        installedDate: dateTimeText(text.params.installedDate),
      });
    case 'tooSlow':
      return i18n.t('worker.tooSlow', { seconds: numberText(text.params.seconds) });
    case 'storageFull':
      return i18n.t('worker.storageFull');
    case 'storage':
      return i18n.t('worker.storage', text.params);
    case 'interrupted':
      return i18n.t('worker.interrupted', {
        startedAt: dateTimeText(text.params.startedAt),
        why: text.params.why ?? i18n.t('worker.interruptedStopped'),
      });
    case 'v2Unavailable':
      return i18n.t('worker.v2Unavailable');
    case 'downgrade':
      return i18n.t('worker.downgrade');
    case 'manifestNotJson':
      return i18n.t('worker.manifestNotJson');
    case 'manifestInvalid':
      return i18n.t('worker.manifestInvalid', text.params);
    case 'keyInvalid':
      return i18n.t('worker.keyInvalid');
    case 'noKey':
      return i18n.t('worker.noKey');
    case 'noSignature':
      return i18n.t('worker.noSignature');
    case 'signatureFile':
      return i18n.t('worker.signatureFile');
    case 'signatureMismatch':
      return i18n.t('worker.signatureMismatch');
    case 'signatureNotYours':
      return i18n.t('worker.signatureNotYours');
    case 'keyChanged':
      return i18n.t('worker.keyChanged', text.params);
    case 'expired':
      return i18n.t('worker.expired', { date: dateTimeText(text.params.date) });
    case 'replay':
      return i18n.t('worker.replay', {
        seq: numberText(text.params.seq),
        installed: numberText(text.params.installed),
      });
    case 'fileMismatch':
      return i18n.t('worker.fileMismatch', text.params);
    case 'fileFailed':
      return i18n.t('worker.fileFailed', text.params);
    case 'shardInvalid':
      return i18n.t('worker.shardInvalid', text.params);
    case 'misplaced':
      return i18n.t('worker.misplaced', {
        path: text.params.path,
        line: numberText(text.params.line),
      });
    case 'shardReviewers':
      return i18n.t('worker.shardReviewers', text.params);
    case 'countMismatch':
      return i18n.t('worker.countMismatch', {
        kind: text.params.kind,
        got: numberText(text.params.got),
        want: numberText(text.params.want),
      });
    case 'keyTwice':
      return i18n.t('worker.keyTwice');
    case 'comparisonRefs':
      return i18n.t('worker.comparisonRefs', text.params);
    case 'indexMissing':
      return i18n.t('worker.indexMissing');
    case 'indexDamaged':
      return i18n.t('worker.indexDamaged');
  }
}

type Refused = Extract<WorkerText, { code: 'refused' }>['params'];

function refusedText({ first, others, stopped, stoppedAt }: Refused): string {
  const more = stopped
    ? i18n.t('worker.refusedStopped', { count: numberText(others), max: numberText(stoppedAt) })
    : others > 0
      ? i18n.t('worker.refusedOthers', others, [numberText(others)])
      : '';
  // A refusal always has a first problem; a row that lost it still reads as a sentence.
  const problem = first ? issueText(first) : i18n.t('common.unknown');
  return i18n.t('worker.refused', { problem, others: more });
}
