import { i18n } from '#i18n';
import type { DatasetCoverage } from '../../lib/model/dataset-meta';
import { dateText, numberText, uiLocale } from '../../lib/ui/locale';

/** A count in the UI's language, for a plural message's $1. */
const n = (x: number): [string] => [numberText(x)];

/** The dataset's reach in words, every figure counted from the installed data. */
export function CoverageText({ coverage: c }: { coverage: DatasetCoverage }) {
  const sites = c.productDomains.length;
  return (
    <>
      <p>
        {i18n.t('coverage.holds', {
          which: c.source === 'bundled' ? i18n.t('coverage.bundled') : i18n.t('coverage.feed'),
          date: dateText(c.generatedAt, uiLocale()),
          verdicts: i18n.t('coverage.verdicts', c.verdicts, n(c.verdicts)),
          tools: i18n.t('coverage.tools', c.tools, n(c.tools)),
          comparisons: i18n.t('coverage.comparisons', c.comparisons, n(c.comparisons)),
        })}
      </p>
      <ul>
        <li>{i18n.t('coverage.onGithub', c.onGithub, n(c.onGithub))}</li>
        <li>{i18n.t('coverage.onHuggingface', c.onHuggingface, n(c.onHuggingface))}</li>
        <li>
          {i18n.t('coverage.productSites', sites, n(sites))}
          {sites > 0 && `: ${c.productDomains.join(', ')}`}
        </li>
        {c.unmatched > 0 && <li>{i18n.t('coverage.unmatched', c.unmatched, n(c.unmatched))}</li>}
      </ul>
    </>
  );
}
