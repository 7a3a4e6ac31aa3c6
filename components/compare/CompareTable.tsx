import { i18n } from '#i18n';
import { factRows, quoteRows } from '../../lib/ui/compare-view';
import type { ReviewerId } from '../../lib/feed/schema';
import { CompareQuote } from './CompareQuote';
import { ShipBar } from '../shared/ShipBar';
import { SourceList } from './SourceList';
import type { ToolAnswer } from '../../lib/model/answers';

interface Props {
  a: ToolAnswer | null;
  b: ToolAnswer | null;
  /** The reviewers the user follows (settings). */
  chosen: readonly ReviewerId[];
  /** The popup's summary: the scores and the entry, a line per reviewer; the rest on the page. */
  compact?: boolean;
}

const COMPACT_FACTS: ReadonlySet<string> = new Set(['panelShip', 'community', 'entry']);

const EMPTY = '—';

/** The two verdicts side by side: facts first, then one row per chosen reviewer. */
export function CompareTable({ a, b, chosen, compact = false }: Props) {
  const facts = factRows(a, b).filter((row) => !compact || COMPACT_FACTS.has(row.key));
  const reviewers = [...(a?.reviewers ?? []), ...(b?.reviewers ?? [])];
  const quotes = quoteRows(chosen, a?.verdict ?? null, b?.verdict ?? null, reviewers);
  const titleA = a?.verdict.title ?? i18n.t('compare.firstTool');
  const titleB = b?.verdict.title ?? i18n.t('compare.secondTool');

  return (
    <div className={compact ? 'vl-table-wrap vl-compact' : 'vl-table-wrap'}>
      <table className="vl-table">
        <caption className="vl-sr-only">
          {i18n.t('compare.caption', { a: titleA, b: titleB })}
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="col">
              {a ? (
                a.verdict.title
              ) : (
                <span className="vl-no-quote">{i18n.t('compare.noToolPicked')}</span>
              )}
            </th>
            <th scope="col">
              {b ? (
                b.verdict.title
              ) : (
                <span className="vl-no-quote">{i18n.t('compare.noToolPicked')}</span>
              )}
            </th>
          </tr>
        </thead>
        <tbody>
          {facts.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.label}</th>
              {row.key === 'panelShip' ? (
                <>
                  <td>{a ? <ShipBar panelShip={a.verdict.panelShip} /> : EMPTY}</td>
                  <td>{b ? <ShipBar panelShip={b.verdict.panelShip} /> : EMPTY}</td>
                </>
              ) : (
                <>
                  <td>{row.a ?? EMPTY}</td>
                  <td>{row.b ?? EMPTY}</td>
                </>
              )}
            </tr>
          ))}
          {!compact && (
            <tr data-row="source">
              <th scope="row">{i18n.t('popover.source')}</th>
              <td>{a ? <SourceList answer={a} /> : EMPTY}</td>
              <td>{b ? <SourceList answer={b} /> : EMPTY}</td>
            </tr>
          )}
        </tbody>
        <tbody>
          <tr className="vl-section-row">
            <th scope="rowgroup" colSpan={3}>
              {quotes.length > 0
                ? i18n.t('compare.reviewersSaid')
                : i18n.t('compare.chooseReviewers')}
            </th>
          </tr>
          {quotes.map((row) => (
            <tr key={row.reviewer.id} data-reviewer={row.reviewer.id}>
              <th scope="row">
                {row.reviewer.name}
                <span className="vl-row-focus">{row.reviewer.focus}</span>
              </th>
              <td>
                {a ? (
                  <CompareQuote
                    quote={row.a}
                    about={i18n.t('compare.quoteAbout', {
                      reviewer: row.reviewer.name,
                      tool: titleA,
                    })}
                    line={compact}
                  />
                ) : (
                  EMPTY
                )}
              </td>
              <td>
                {b ? (
                  <CompareQuote
                    quote={row.b}
                    about={i18n.t('compare.quoteAbout', {
                      reviewer: row.reviewer.name,
                      tool: titleB,
                    })}
                    line={compact}
                  />
                ) : (
                  EMPTY
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
