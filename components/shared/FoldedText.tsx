import { useId, useState } from 'react';

interface Props {
  text: string;
  /** Longer texts fold to a preview of this many characters, with a more/less button. */
  foldAt: number;
  /** Whose text the button unfolds, for its accessible name, e.g. "Builder on Cursor v0.50". */
  about?: string;
}

/** A paragraph of feed text that folds when long. Rendered as text only. */
export function FoldedText({ text, foldAt, about }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const long = text.length > foldAt;
  const shown = long && !open ? `${text.slice(0, foldAt).trimEnd()}…` : text;
  const word = open ? 'less' : 'more';
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
          aria-label={about ? `${word} of ${about}` : undefined}
          onClick={() => setOpen(!open)}
        >
          {word}
        </button>
      )}
    </>
  );
}
