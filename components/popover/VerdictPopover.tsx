import { i18n } from '#i18n';
import { forwardRef, useId, useState } from 'react';
import { bandOf } from '../../lib/model/band';
import { communityText, percent } from '../../lib/model/format';
import type { ReviewerId } from '../../lib/feed/schema';
import { useDateText } from '../../lib/ui/use-date-text';
import { personas } from '../../lib/ui/personas';
import { followedQuotes } from '../../lib/model/followed-reviews';
import { QuoteBlock } from './QuoteBlock';
import { SourceName } from '../shared/SourceName';
import type { ToolAnswer } from '../../lib/model/answers';

interface Props {
  answer: ToolAnswer;
  chosen: readonly ReviewerId[];
  style: React.CSSProperties;
  onClose: () => void;
  onPickVerdict: (verdictId: string) => void;
  onCompare: (partnerVerdictId: string) => void;
  /** Resolves with why hiding failed, or null (the badge then goes, with an Undo notice). */
  onHideSite: () => Promise<string | null>;
}

export const VerdictPopover = forwardRef<HTMLDivElement, Props>(function VerdictPopover(
  { answer, chosen, style, onClose, onPickVerdict, onCompare, onHideSite },
  ref,
) {
  const titleId = useId();
  const [hideProblem, setHideProblem] = useState<string | null>(null);
  const { verdict, tool } = answer;
  const band = bandOf(verdict.panelShip);
  const quotes = followedQuotes(chosen, verdict, answer.reviewers, personas());
  const others = answer.verdicts.filter((v) => v.id !== verdict.id);
  const asOf = useDateText(answer.dataset.generatedAt);

  return (
    <div
      ref={ref}
      className="vl-popover"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      style={style}
    >
      <header className="vl-pop-head">
        <div>
          <h2 className="vl-pop-title" id={titleId}>
            {verdict.title}
          </h2>
          <p className="vl-pop-tagline">{verdict.tagline}</p>
          <p className="vl-pop-category">{verdict.category}</p>
        </div>
        <button
          type="button"
          className="vl-icon-button"
          aria-label={i18n.t('common.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>

      <dl className="vl-stats">
        <div className={`vl-stat vl-band-${band}`}>
          <dt>{i18n.t('stat.panelShip')}</dt>
          <dd>
            {percent(verdict.panelShip)}{' '}
            <span className="vl-band-word">{i18n.t(`band.${band}`)}</span>
          </dd>
        </div>
        <div className="vl-stat">
          <dt>{i18n.t('stat.community')}</dt>
          <dd>{communityText(verdict.community)}</dd>
        </div>
        <div className="vl-stat">
          <dt>{i18n.t('stat.entry')}</dt>
          <dd>{verdict.entry}</dd>
        </div>
      </dl>

      <section aria-label={i18n.t('popover.scorecard')}>
        {quotes.length > 0 ? (
          <ul className="vl-quotes">
            {quotes.map(({ reviewer, quote }) => (
              <QuoteBlock key={reviewer.id} reviewer={reviewer} quote={quote} />
            ))}
          </ul>
        ) : (
          <p className="vl-muted">{i18n.t('popover.noQuotes')}</p>
        )}
      </section>

      {others.length > 0 && (
        <section
          className="vl-section"
          aria-label={i18n.t('popover.otherVerdicts', { tool: tool.name })}
        >
          <h3 className="vl-h3">{i18n.t('popover.otherVerdicts', { tool: tool.name })}</h3>
          <ul className="vl-list">
            {others.map((v) => (
              <li key={v.id}>
                <button type="button" className="vl-link" onClick={() => onPickVerdict(v.id)}>
                  {i18n.t('popover.otherVerdict', { title: v.title, score: percent(v.panelShip) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {answer.comparisons.length > 0 && (
        <section className="vl-section" aria-label={i18n.t('popover.sourceRegion')}>
          <h3 className="vl-h3">{i18n.t('popover.source')}</h3>
          {answer.comparisons.map((comparison) => (
            <div key={comparison.id} className="vl-compare-row">
              <SourceName comparison={comparison} />
              {comparison.partners.map((partner) => (
                <button
                  key={partner.id}
                  type="button"
                  className="vl-button"
                  onClick={() => onCompare(partner.id)}
                >
                  {i18n.t('popover.compareWith', { tool: partner.toolName })}
                </button>
              ))}
            </div>
          ))}
        </section>
      )}

      <footer className="vl-pop-foot">
        <span className="vl-muted">{asOf && i18n.t('popover.asOf', { date: asOf })}</span>
        <button
          type="button"
          className="vl-link"
          onClick={() => void onHideSite().then((problem) => setHideProblem(problem))}
        >
          {i18n.t('popover.hideSite')}
        </button>
      </footer>
      {hideProblem && (
        <p className="vl-error" role="alert">
          {hideProblem}
        </p>
      )}
    </div>
  );
});
