import { forwardRef, useId, useState } from 'react';
import { bandOf, BAND_LABEL } from '../../lib/model/band';
import { communityText, dateText, percent } from '../../lib/model/format';
import type { ReviewerId } from '../../lib/feed/schema';
import { uiLocale } from '../../lib/ui/locale';
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
  const quotes = followedQuotes(chosen, verdict, answer.reviewers);
  const others = answer.verdicts.filter((v) => v.id !== verdict.id);

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
        <button type="button" className="vl-icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>

      <dl className="vl-stats">
        <div className={`vl-stat vl-band-${band}`}>
          <dt>Panel ship</dt>
          <dd>
            {percent(verdict.panelShip)} <span className="vl-band-word">{BAND_LABEL[band]}</span>
          </dd>
        </div>
        <div className="vl-stat">
          <dt>Community</dt>
          <dd>{communityText(verdict.community)}</dd>
        </div>
        <div className="vl-stat">
          <dt>Entry</dt>
          <dd>{verdict.entry}</dd>
        </div>
      </dl>

      <section aria-label="Reviewer scorecard">
        {quotes.length > 0 ? (
          <ul className="vl-quotes">
            {quotes.map(({ reviewer, quote }) => (
              <QuoteBlock key={reviewer.id} reviewer={reviewer} quote={quote} />
            ))}
          </ul>
        ) : (
          <p className="vl-muted">
            None of the reviewers you follow reviewed this. Choose reviewers in the options.
          </p>
        )}
      </section>

      {others.length > 0 && (
        <section className="vl-section" aria-label={`Other verdicts on ${tool.name}`}>
          <h3 className="vl-h3">Other verdicts on {tool.name}</h3>
          <ul className="vl-list">
            {others.map((v) => (
              <li key={v.id}>
                <button type="button" className="vl-link" onClick={() => onPickVerdict(v.id)}>
                  {v.title} · {percent(v.panelShip)} ship
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {answer.comparisons.length > 0 && (
        <section className="vl-section" aria-label="Where this verdict comes from">
          <h3 className="vl-h3">Source</h3>
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
                  Compare with {partner.toolName}
                </button>
              ))}
            </div>
          ))}
        </section>
      )}

      <footer className="vl-pop-foot">
        <span className="vl-muted">As of {dateText(answer.dataset.generatedAt, uiLocale())}</span>
        <button
          type="button"
          className="vl-link"
          onClick={() => void onHideSite().then((problem) => setHideProblem(problem))}
        >
          Hide on this site
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
