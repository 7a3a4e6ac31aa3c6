import { i18n } from '#i18n';
import type { ComparisonSummary } from '../../lib/model/answers';
import { useDateText } from '../../lib/ui/use-date-text';
import { safeHttpsUrl } from '../../lib/model/safe-url';

/** The comparison page a verdict comes from: its title, linked where the feed gives its address. */
export function SourceName({ comparison }: { comparison: ComparisonSummary }) {
  const url = safeHttpsUrl(comparison.url);
  const published = useDateText(comparison.publishedAt);
  return (
    <span className="vl-source">
      {url ? (
        <a href={safeHttpsUrl(url) ?? undefined} target="_blank" rel="noreferrer noopener">
          {comparison.title}
        </a>
      ) : (
        <cite>{comparison.title}</cite>
      )}
      {comparison.publishedAt && published && (
        <span className="vl-muted"> · {i18n.t('source.published', { date: published })}</span>
      )}
    </span>
  );
}
