import { i18n } from '#i18n';
import { FoldedText } from '../shared/FoldedText';

interface Props {
  quote: string | null;
  /** Says whose quote the more/less button unfolds, e.g. "Builder on Cursor v0.50". */
  about: string;
  /** Folded to about one line of a popup column (the popup's summary). */
  line?: boolean;
}

/** What fits on one line of a popup column beside its "more" (CSS cuts what does not). */
const LINE = 22;

/** A quote in a comparison cell; long ones fold to a preview. */
export function CompareQuote({ quote, about, line = false }: Props) {
  if (quote === null) return <span className="vl-no-quote">{i18n.t('compare.noQuote')}</span>;
  if (!line) return <FoldedText text={quote} foldAt={320} about={about} />;
  return (
    <div className="vl-fold-line">
      <FoldedText text={quote} foldAt={LINE} about={about} />
    </div>
  );
}
