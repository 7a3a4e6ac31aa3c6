import { useId, useState } from 'react';
import type { Reviewer } from '../lib/schema';

const COLLAPSE_AT = 280;

interface Props {
  reviewer: Reviewer;
  quote: string;
}

/** One reviewer's quote; long ones fold to a preview with "more". */
export function QuoteBlock({ reviewer, quote }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const long = quote.length > COLLAPSE_AT;
  const shown = long && !open ? `${quote.slice(0, COLLAPSE_AT).trimEnd()}…` : quote;
  return (
    <li className="vl-quote" data-reviewer={reviewer.id}>
      <div className="vl-quote-who">
        <span className="vl-quote-name">{reviewer.name}</span>
        <span className="vl-quote-focus">{reviewer.focus}</span>
      </div>
      <p className="vl-quote-text" id={id}>
        {shown}
      </p>
      {long && (
        <button
          type="button"
          className="vl-link"
          aria-controls={id}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'less' : 'more'}
        </button>
      )}
    </li>
  );
}
