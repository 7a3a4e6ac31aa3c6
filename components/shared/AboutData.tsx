import { i18n } from '#i18n';
import { useId } from 'react';
import { SHIP_AT, SKIP_BELOW } from '../../lib/model/band';
import { numberText } from '../../lib/ui/locale';
import { personas } from '../../lib/ui/personas';

/** What the numbers and names mean: the options page and the welcome page show it. */
export function AboutData() {
  const id = useId();
  return (
    <section className="vl-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{i18n.t('about.title')}</h2>
      <p>{i18n.t('about.intro')}</p>
      <h3>{i18n.t('about.panel')}</h3>
      <dl className="vl-about-list">
        {personas().map((p) => (
          <div key={p.id}>
            <dt>{p.name}</dt>
            <dd>{p.focus}</dd>
          </div>
        ))}
      </dl>
      <h3>{i18n.t('about.numbers')}</h3>
      <dl className="vl-about-list">
        <div>
          <dt>{i18n.t('stat.panelShip')}</dt>
          <dd>
            {i18n.t('about.panelShip', {
              ship: numberText(SHIP_AT),
              shipBelow: numberText(SHIP_AT - 1),
              skip: numberText(SKIP_BELOW),
            })}
          </dd>
        </div>
        <div>
          <dt>{i18n.t('stat.community')}</dt>
          <dd>{i18n.t('about.community')}</dd>
        </div>
        <div>
          <dt>{i18n.t('stat.entry')}</dt>
          <dd>{i18n.t('about.entry')}</dd>
        </div>
      </dl>
      <p className="vl-muted">{i18n.t('about.quotes')}</p>
    </section>
  );
}
