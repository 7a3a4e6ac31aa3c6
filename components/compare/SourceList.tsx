import type { ToolAnswer } from '../../lib/model/answers';
import { SourceName } from '../shared/SourceName';

/** The comparison pages a side's verdict comes from. */
export function SourceList({ answer }: { answer: ToolAnswer }) {
  if (answer.comparisons.length === 0) return <>—</>;
  return (
    <ul className="vl-plain-list">
      {answer.comparisons.map((c) => (
        <li key={c.id}>
          <SourceName comparison={c} />
        </li>
      ))}
    </ul>
  );
}
