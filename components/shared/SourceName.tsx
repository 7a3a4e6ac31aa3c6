import { i18n } from '#i18n';
import type { ComparisonSummary } from '../../lib/model/answers';
import { dateText, uiLocale } from '../../lib/ui/locale';
import { safeHttpsUrl } from '../../lib/model/safe-url';

/** The comparison page a verdict comes from: its title, linked where the feed gives its address. */
export function SourceName({ comparison }: { comparison: ComparisonSummary }) {
  const url = safeHttpsUrl(comparison.url);
  return (
    <span className="vl-source">
      {url ? (
        <a href={safeHttpsUrl(url) ?? undefined} target="_blank" rel="noreferrer noopener">
          {comparison.title}
        </a>
      ) : (
        <cite>{comparison.title}</cite>
      )}
      {comparison.publishedAt && (
        <span className="vl-muted">
          {' '}
          · {i18n.t('source.published', { date: dateText(comparison.publishedAt, uiLocale()) })}
        </span>
      )}
    </span>
  );
}
