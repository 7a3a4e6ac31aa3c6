import { i18n } from '#i18n';
import type { ProblemText } from '../model/worker-text';
import { dateTimeText, numberText } from './locale';

const n = numberText;

/** How many there were, where the check counted them: " (12.000)". */
const counted = (count: number | null) =>
  count === null ? '' : i18n.t('problem.counted', { count: n(count) });

/** A feed problem (lib/feed/problems.ts) in the UI's language; values from the feed stay as they are. */
export function problemText(text: ProblemText): string {
  switch (text.code) {
    case 'required':
      return i18n.t('problem.required');
    case 'notObject':
      return i18n.t('problem.notObject');
    case 'notList':
      return i18n.t('problem.notList');
    case 'controls':
      return i18n.t('problem.controls');
    case 'slug':
      return i18n.t('problem.slug');
    case 'githubRepo':
      return i18n.t('problem.githubRepo');
    case 'githubReserved':
      return i18n.t('problem.githubReserved');
    case 'hfRepo':
      return i18n.t('problem.hfRepo');
    case 'hfReserved':
      return i18n.t('problem.hfReserved');
    case 'hostName':
      return i18n.t('problem.hostName');
    case 'publicSuffix':
      return i18n.t('problem.publicSuffix');
    case 'httpsUrl':
      return i18n.t('problem.httpsUrl');
    case 'twoVerdicts':
      return i18n.t('problem.twoVerdicts');
    case 'version':
      return i18n.t('problem.version');
    case 'repeats':
      return i18n.t('problem.repeats', text.params);
    case 'secondReview':
      return i18n.t('problem.secondReview', text.params);
    case 'duplicateId':
      return i18n.t('problem.duplicateId', text.params);
    case 'taken':
      return i18n.t('problem.taken', text.params);
    case 'noRecord':
      return i18n.t('problem.noRecord', text.params);
    case 'deletedTwice':
      return i18n.t('problem.deletedTwice', text.params);
    case 'upsertedAndDeleted':
      return i18n.t('problem.upsertedAndDeleted', text.params);
    case 'reviewStays':
      return i18n.t('problem.reviewStays', text.params);
    case 'toolStaysNamed':
      return i18n.t('problem.toolStaysNamed', text.params);
    case 'verdictStaysNamed':
      return i18n.t('problem.verdictStaysNamed', text.params);
    case 'unknownTool':
      return i18n.t('problem.unknownTool', text.params);
    case 'unknownReviewer':
      return i18n.t('problem.unknownReviewer', text.params);
    case 'unknownVerdict':
      return i18n.t('problem.unknownVerdict', text.params);
    case 'toolVerdicts':
      return i18n.t('problem.toolVerdicts', { ...text.params, max: n(text.params.max) });
    case 'verdictComparisons':
      return i18n.t('problem.verdictComparisons', { ...text.params, max: n(text.params.max) });
    case 'tooManyRecords':
      return i18n.t('problem.tooManyRecords', {
        max: n(text.params.max),
        count: counted(text.params.count),
      });
    case 'tooManyItems':
      return i18n.t('problem.tooManyItems', {
        max: n(text.params.max),
        count: counted(text.params.count),
      });
    case 'tooDeep':
      return i18n.t('problem.tooDeep', { depth: n(text.params.depth) });
    case 'future':
      return i18n.t('problem.future', {
        date: dateTimeText(text.params.date),
        now: dateTimeText(text.params.now),
      });
    case 'notString':
      return i18n.t('problem.notString');
    case 'notNumber':
      return i18n.t('problem.notNumber');
    case 'notWholeNumber':
      return i18n.t('problem.notWholeNumber');
    case 'notRecord':
      return i18n.t('problem.notRecord');
    case 'wrongType':
      return i18n.t('problem.wrongType', text.params);
    case 'tooLong':
      return i18n.t('problem.tooLong', { max: n(text.params.max) });
    case 'tooShort':
      return i18n.t('problem.tooShort', { min: n(text.params.min) });
    case 'tooMany':
      return i18n.t('problem.tooMany', { max: n(text.params.max) });
    case 'tooFew':
      return i18n.t('problem.tooFew', { min: n(text.params.min) });
    case 'tooHigh':
      return i18n.t('problem.tooHigh', { max: n(text.params.max) });
    case 'tooLow':
      return i18n.t('problem.tooLow', { min: n(text.params.min) });
    case 'dateTime':
      return i18n.t('problem.dateTime');
    case 'oneOf':
      return i18n.t('problem.oneOf', text.params);
    case 'other':
      return i18n.t('problem.other', text.params);
  }
}
