import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { BUILT_IN_SITES } from '../../lib/sites/built-in';
import { ListSettings } from './ListSettings';
import { SwitchRow } from './SwitchRow';
import { grantMessage, useProductGrants } from '../../lib/ui/use-product-grants';
import { useSavedSetting } from '../../lib/ui/use-saved-setting';
import type { Settings } from '../../lib/settings/schema';

type SiteKey = keyof Settings['sites'];

const SITES: readonly { key: SiteKey; label: () => string; hint: () => string }[] = [
  {
    key: 'github',
    label: () => BUILT_IN_SITES.github.name,
    hint: () => i18n.t('sites.githubHint', { host: BUILT_IN_SITES.github.host }),
  },
  {
    key: 'huggingface',
    label: () => BUILT_IN_SITES.huggingface.name,
    hint: () => i18n.t('sites.huggingfaceHint', { host: BUILT_IN_SITES.huggingface.host }),
  },
  {
    key: 'product',
    label: () => i18n.t('sites.product'),
    hint: () => i18n.t('sites.productHint'),
  },
];

/** Which product sites the switch is about, and whether the browser lets the badge run there. */
function productHint(domains: string[] | null, missing: string[] | null): string {
  if (domains === null) return i18n.t('sites.productOwn');
  if (domains.length === 0) return i18n.t('sites.productNone');
  const sites = domains.join(', ');
  return missing && missing.length > 0
    ? i18n.t('sites.productMissing', { sites })
    : i18n.t('sites.productGranted', { sites });
}

interface Props {
  sites: Settings['sites'];
  lists: Settings['lists'];
  hiddenHosts: readonly string[];
}

/** Where badges show: a switch per kind of site, and the sites the user hid them on. */
export function SiteSettings({ sites, lists, hiddenHosts }: Props) {
  const id = useId();
  const switches = useSavedSetting('sites', sites);
  const hidden = useSavedSetting('hiddenHosts', [...hiddenHosts]);
  const [message, setMessage] = useState('');
  const products = useProductGrants();
  const { missing } = products;

  const saveSites = (next: Settings['sites']) =>
    switches
      .save(next)
      .catch((error: unknown) =>
        setMessage(i18n.t('common.couldNotSave', { error: String(error) })),
      );

  /** Runs inside the click: browsers only ask for permissions during a user gesture. */
  const grant = (then?: () => void) => {
    void products.grant().then((outcome) => {
      setMessage(grantMessage(outcome));
      if (outcome === 'granted' || outcome === 'nothing-to-ask') then?.();
    });
  };

  const toggle = (key: SiteKey, on: boolean) => {
    setMessage('');
    const next = { ...switches.value, [key]: on };
    if (key === 'product' && on) grant(() => void saveSites(next));
    else void saveSites(next);
  };

  const showAgain = (host: string) => {
    setMessage('');
    hidden
      .save(hidden.value.filter((h) => h !== host))
      .then(() => setMessage(i18n.t('sites.shownAgain', { host })))
      .catch((error: unknown) =>
        setMessage(i18n.t('common.couldNotSave', { error: String(error) })),
      );
  };

  const productNeedsAccess = switches.value.product && missing !== null && missing.length > 0;

  return (
    <section className="vl-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{i18n.t('sites.title')}</h2>
      <p className="vl-intro">{i18n.t('sites.intro')}</p>
      <fieldset className="vl-fieldset">
        <legend className="vl-sr-only">{i18n.t('sites.legend')}</legend>
        <ul className="vl-checks">
          {SITES.map((site) => (
            <SwitchRow
              key={site.key}
              id={`${id}-${site.key}`}
              label={site.label()}
              hint={site.key === 'product' ? productHint(products.domains, missing) : site.hint()}
              checked={switches.value[site.key]}
              onChange={(on) => toggle(site.key, on)}
            />
          ))}
        </ul>
      </fieldset>
      <ListSettings lists={lists} sites={switches.value} />
      {productNeedsAccess && (
        <div className="vl-actions">
          <span>{i18n.t('sites.needAccess')}</span>
          <button type="button" className="vl-button" onClick={() => grant()}>
            {i18n.t('sites.allow')}
          </button>
        </div>
      )}

      <h3 id={`${id}-hidden`}>{i18n.t('sites.hiddenTitle')}</h3>
      {hidden.value.length === 0 ? (
        <p className="vl-muted">{i18n.t('sites.hiddenNone')}</p>
      ) : (
        <ul className="vl-hosts" aria-labelledby={`${id}-hidden`}>
          {hidden.value.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                className="vl-button"
                aria-label={i18n.t('sites.showAgainOn', { host })}
                onClick={() => showAgain(host)}
              >
                {i18n.t('sites.showAgain')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="vl-message" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
