import { FoldedText } from '../shared/FoldedText';

interface Props {
  quote: string | null;
  /** Says whose quote the more/less button unfolds, e.g. "Builder on Cursor v0.50". */
  about: string;
}

/** A quote in a comparison cell; long ones fold to a preview. */
export function CompareQuote({ quote, about }: Props) {
  if (quote === null) return <span className="vl-no-quote">no quote</span>;
  return <FoldedText text={quote} foldAt={320} about={about} />;
}
