import { i18n } from '#i18n';
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DatasetCoverage } from '../../lib/model/dataset-meta';
import { safeHttpsUrl } from '../../lib/model/safe-url';
import { send } from '../../lib/messaging/protocol';
import { grantMessage, useProductGrants } from '../../lib/ui/use-product-grants';
import { AboutData } from '../shared/AboutData';
import { CoverageText } from './CoverageText';
import { BUILT_IN_SITES } from '../../lib/sites/built-in';
import { Slotted } from '../shared/Slotted';

/** welcome.html: opened once, on first install; reachable later from the options page. */
export function WelcomePage() {
  const id = useId();
  const [coverage, setCoverage] = useState<DatasetCoverage | null | 'failed' | undefined>();
  const products = useProductGrants();
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live = true;
    void send({ type: 'getCoverage' }).then(
      (reply) => live && setCoverage(reply.ok ? reply.data : 'failed'),
    );
    return () => {
      live = false;
    };
  }, []);

  const known = coverage && coverage !== 'failed' ? coverage : null;
  const tryIt = known?.exampleRepo ? safeHttpsUrl(`https://github.com/${known.exampleRepo}`) : null;
  const patterns = products.missing ?? [];

  return (
    <main className="vl-page vl-page-narrow">
      <h1>{i18n.t('welcome.title')}</h1>
      <p className="vl-intro">{i18n.t('welcome.intro')}</p>

      <section className="vl-card" aria-labelledby={`${id}-see`}>
        <h2 id={`${id}-see`}>{i18n.t('welcome.seeTitle')}</h2>
        <ul>
          <li>
            <Slotted
              text={i18n.t('welcome.seeGithub', { site: '{site}' })}
              slots={{ site: <strong>{BUILT_IN_SITES.github.name}</strong> }}
            />
          </li>
          <li>
            <Slotted
              text={i18n.t('welcome.seeHuggingface', { site: '{site}' })}
              slots={{ site: <strong>{BUILT_IN_SITES.huggingface.name}</strong> }}
            />
          </li>
          <li>{i18n.t('welcome.seeProduct')}</li>
          <li>
            <Slotted
              text={i18n.t('welcome.seeToolbar', { library: '{library}' })}
              slots={{
                library: (
                  <a href={browser.runtime.getURL('/library.html')}>
                    {i18n.t('welcome.libraryLink')}
                  </a>
                ),
              }}
            />
          </li>
        </ul>
      </section>

      <section className="vl-card" aria-labelledby={`${id}-covers`}>
        <h2 id={`${id}-covers`}>{i18n.t('welcome.coversTitle')}</h2>
        {coverage === undefined && <p className="vl-muted">{i18n.t('welcome.counting')}</p>}
        {coverage === 'failed' && <p className="vl-error">{i18n.t('welcome.coverFailed')}</p>}
        {coverage === null && <p>{i18n.t('status.none')}</p>}
        {known && <CoverageText coverage={known} />}
        {tryIt && (
          <p>
            {i18n.t('welcome.tryIt')}
            <a href={safeHttpsUrl(tryIt) ?? undefined}>{tryIt.replace('https://', '')}</a>
          </p>
        )}
      </section>

      <section className="vl-card" aria-labelledby={`${id}-product`}>
        <h2 id={`${id}-product`}>{i18n.t('welcome.productTitle')}</h2>
        {products.domains === null ? (
          <p className="vl-muted">{i18n.t('welcome.readingDataset')}</p>
        ) : products.domains.length === 0 ? (
          <p>{i18n.t('welcome.noProducts')}</p>
        ) : (
          <>
            <p>{i18n.t('welcome.productAsk')}</p>
            <ul>
              {products.domains.map((d) => (
                <li key={d}>
                  <code>{d}</code>
                </li>
              ))}
            </ul>
            {patterns.length > 0 ? (
              <button
                type="button"
                className="vl-button"
                onClick={() => void products.grant().then((o) => setMessage(grantMessage(o)))}
              >
                {i18n.t('sites.allow')}
              </button>
            ) : (
              <p>{i18n.t('welcome.granted')}</p>
            )}
          </>
        )}
        <p className="vl-message" aria-live="polite">
          {message}
        </p>
      </section>

      <section className="vl-card" aria-labelledby={`${id}-feed`}>
        <h2 id={`${id}-feed`}>{i18n.t('welcome.feedTitle')}</h2>
        <p>
          <Slotted
            text={i18n.t('welcome.feedText', { link: '{link}' })}
            slots={{
              link: (
                <a href={browser.runtime.getURL('/options.html#feed')}>
                  {i18n.t('welcome.feedLink')}
                </a>
              ),
            }}
          />
        </p>
      </section>

      <AboutData />
    </main>
  );
}
