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
}

const EMPTY = '—';

/** The two verdicts side by side: facts first, then one row per chosen reviewer. */
export function CompareTable({ a, b, chosen }: Props) {
  const facts = factRows(a, b);
  const reviewers = [...(a?.reviewers ?? []), ...(b?.reviewers ?? [])];
  const quotes = quoteRows(chosen, a?.verdict ?? null, b?.verdict ?? null, reviewers);
  const titleA = a?.verdict.title ?? 'First tool';
  const titleB = b?.verdict.title ?? 'Second tool';

  return (
    <div className="vl-table-wrap">
      <table className="vl-table">
        <caption className="vl-sr-only">
          {titleA} compared with {titleB}
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="col">
              {a ? a.verdict.title : <span className="vl-no-quote">No tool picked</span>}
            </th>
            <th scope="col">
              {b ? b.verdict.title : <span className="vl-no-quote">No tool picked</span>}
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
          <tr data-row="source">
            <th scope="row">Source</th>
            <td>{a ? <SourceList answer={a} /> : EMPTY}</td>
            <td>{b ? <SourceList answer={b} /> : EMPTY}</td>
          </tr>
        </tbody>
        <tbody>
          <tr className="vl-section-row">
            <th scope="rowgroup" colSpan={3}>
              {quotes.length > 0
                ? 'What the reviewers you follow said'
                : 'Choose reviewers in the options to see their quotes.'}
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
                  <CompareQuote quote={row.a} about={`${row.reviewer.name} on ${titleA}`} />
                ) : (
                  EMPTY
                )}
              </td>
              <td>
                {b ? (
                  <CompareQuote quote={row.b} about={`${row.reviewer.name} on ${titleB}`} />
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
