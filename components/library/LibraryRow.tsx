import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { VerdictListItem } from '../../lib/model/answers';
import { dateText, uiLocale } from '../../lib/ui/locale';
import { ShipBar } from '../shared/ShipBar';

const pageHref = (search: string): string => `${browser.runtime.getURL('/compare.html')}${search}`;

interface Props {
  item: VerdictListItem;
  /** Place in the whole list and its length, for screen readers (only a window is rendered). */
  position: number;
  size: number;
}

/** One verdict in the library: what it is, its score, and where to go with it. */
export function LibraryRow({ item, position, size }: Props) {
  const verdict = `?a=${encodeURIComponent(item.id)}`;
  return (
    <article className="vl-lib-row" aria-posinset={position} aria-setsize={size}>
      <div className="vl-lib-main">
        <h2 className="vl-lib-title">
          <a href={pageHref(verdict)}>{item.title}</a>
        </h2>
        <p className="vl-muted">
          {item.toolName !== item.title && <span>{item.toolName} · </span>}
          {item.category} · {item.entry}
          {item.publishedAt && <span> · {dateText(item.publishedAt, uiLocale())}</span>}
        </p>
      </div>
      <ShipBar panelShip={item.panelShip} />
      <a className="vl-button" href={pageHref(`${verdict}&pick=b`)}>
        {i18n.t('library.compareWith')}
        <span className="vl-sr-only">{i18n.t('library.startingFrom', { title: item.title })}</span>
      </a>
    </article>
  );
}
