import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DatasetCoverage } from '../../lib/model/dataset-meta';
import { safeHttpsUrl } from '../../lib/model/safe-url';
import { send } from '../../lib/messaging/protocol';
import { grantMessage, useProductGrants } from '../../lib/ui/use-product-grants';
import { AboutData } from '../shared/AboutData';
import { CoverageText } from './CoverageText';

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
      <h1>Welcome to Verdict Lens</h1>
      <p className="vl-intro">
        Expert panel verdicts on AI and developer tools, right where you meet the tools.
      </p>

      <section className="vl-card" aria-labelledby={`${id}-see`}>
        <h2 id={`${id}-see`}>What you will see</h2>
        <ul>
          <li>
            On <strong>GitHub</strong>, a badge right after a rated repository’s name, such as
            “ml-intern: 75% ship”. Click it, or focus it and press Enter, for the panel’s verdict
            and the quotes of the reviewers you follow.
          </li>
          <li>
            On <strong>Hugging Face</strong>, the same after a rated model, dataset or space.
          </li>
          <li>On a tool’s own website, once you allow it below.</li>
          <li>
            The toolbar button compares two tools side by side; the{' '}
            <a href={browser.runtime.getURL('/library.html')}>library</a> lists every verdict.
          </li>
        </ul>
      </section>

      <section className="vl-card" aria-labelledby={`${id}-covers`}>
        <h2 id={`${id}-covers`}>What the dataset covers</h2>
        {coverage === undefined && <p className="vl-muted">Counting…</p>}
        {coverage === 'failed' && (
          <p className="vl-error">The dataset could not be read. Try reopening this page.</p>
        )}
        {coverage === null && <p>No dataset is installed yet.</p>}
        {known && <CoverageText coverage={known} />}
        {tryIt && (
          <p>
            Try it: <a href={safeHttpsUrl(tryIt) ?? undefined}>{tryIt.replace('https://', '')}</a>
          </p>
        )}
      </section>

      <section className="vl-card" aria-labelledby={`${id}-product`}>
        <h2 id={`${id}-product`}>Product sites</h2>
        {products.domains === null ? (
          <p className="vl-muted">Reading the dataset…</p>
        ) : products.domains.length === 0 ? (
          <p>The dataset names no product sites yet.</p>
        ) : (
          <>
            <p>
              The badge can also appear on the tools’ own websites. Verdict Lens asks for access to
              exactly these sites and their subdomains, nothing else:
            </p>
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
                Allow product sites
              </button>
            ) : (
              <p>Access to these sites is granted.</p>
            )}
          </>
        )}
        <p className="vl-message" aria-live="polite">
          {message}
        </p>
      </section>

      <section className="vl-card" aria-labelledby={`${id}-feed`}>
        <h2 id={`${id}-feed`}>Your own feed</h2>
        <p>
          Verdict Lens answers from the dataset it ships with until you set a feed of your own under{' '}
          <a href={browser.runtime.getURL('/options.html#feed')}>Options → Feed</a>. Nothing leaves
          your browser but that feed’s download.
        </p>
      </section>

      <AboutData />
    </main>
  );
}
