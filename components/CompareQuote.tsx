import { useId, useState } from 'react';

const COLLAPSE_AT = 320;

interface Props {
  quote: string | null;
  /** Says whose quote the more/less button unfolds, e.g. "Builder on Cursor v0.50". */
  about: string;
}

/** A quote in a comparison cell; long ones fold to a preview. Feed text is rendered as text only. */
export function CompareQuote({ quote, about }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (quote === null) return <span className="vl-no-quote">no quote</span>;
  const long = quote.length > COLLAPSE_AT;
  const shown = long && !open ? `${quote.slice(0, COLLAPSE_AT).trimEnd()}…` : quote;
  return (
    <>
      <p className="vl-quote-text" id={id}>
        {shown}
      </p>
      {long && (
        <button
          type="button"
          className="vl-link"
          aria-controls={id}
          aria-expanded={open}
          aria-label={`${open ? 'less' : 'more'} of ${about}`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'less' : 'more'}
        </button>
      )}
    </>
  );
}
