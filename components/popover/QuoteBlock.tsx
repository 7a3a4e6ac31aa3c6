import type { Reviewer } from '../../lib/feed/schema';
import { FoldedText } from '../shared/FoldedText';

interface Props {
  reviewer: Reviewer;
  quote: string;
}

/** One reviewer's quote; long ones fold to a preview with "more". */
export function QuoteBlock({ reviewer, quote }: Props) {
  return (
    <li className="vl-quote" data-reviewer={reviewer.id}>
      <div className="vl-quote-who">
        <span className="vl-quote-name">{reviewer.name}</span>
        <span className="vl-quote-focus">{reviewer.focus}</span>
      </div>
      <FoldedText text={quote} foldAt={280} />
    </li>
  );
}
