import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { foldText } from '../../lib/model/fold-text';

interface Props {
  text: string;
  /** Longer texts fold to a preview of at most this many characters (whole words), with a
   * more/less button. */
  foldAt: number;
  /** Whose text the button unfolds, for its accessible name, e.g. "Builder on Cursor v0.50". */
  about?: string;
}

/** A paragraph of feed text that folds when long. Rendered as text only. */
export function FoldedText({ text, foldAt, about }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const preview = foldText(text, foldAt);
  const long = preview !== null;
  const shown = long && !open ? preview : text;
  const word = open ? i18n.t('common.less') : i18n.t('common.more');
  return (
    <>
      <p className="vl-quote-text" id={id} data-folded={long && !open ? '' : undefined}>
        {shown}
      </p>
      {long && (
        <button
          type="button"
          className="vl-link"
          aria-controls={id}
          aria-expanded={open}
          aria-label={
            about
              ? open
                ? i18n.t('common.lessOf', { about })
                : i18n.t('common.moreOf', { about })
              : undefined
          }
          onClick={() => setOpen(!open)}
        >
          {word}
        </button>
      )}
    </>
  );
}
