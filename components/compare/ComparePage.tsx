import { i18n } from '#i18n';
import { useCallback, useState } from 'react';
import { pairFromSearch, pairSearch, type Pair } from '../../lib/ui/compare-view';
import { ComparePanel } from './ComparePanel';

/** compare.html?a=<verdictId>&b=<verdictId>: bookmarkable; the URL follows the user's picks. */
export function ComparePage() {
  const [initial] = useState<Pair>(() => pairFromSearch(location.search));
  // "Compare with…" from the library: the first side is set, the second one is to be picked.
  const [focus] = useState(() =>
    new URLSearchParams(location.search).get('pick') === 'b' ? ('b' as const) : undefined,
  );
  const onPairChange = useCallback((pair: Pair, titles: { a: string | null; b: string | null }) => {
    const search = pairSearch(pair);
    if (search !== location.search)
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    const named = [titles.a, titles.b].filter((t): t is string => t !== null);
    document.title =
      named.length === 2
        ? i18n.t('compare.pairTitle', { a: named[0]!, b: named[1]! })
        : i18n.t('compare.pageTitle');
  }, []);

  return (
    <main className="vl-page">
      <h1>{i18n.t('compare.title')}</h1>
      <p className="vl-intro">{i18n.t('compare.intro')}</p>
      <ComparePanel initial={initial} variant="page" onPairChange={onPairChange} focus={focus} />
    </main>
  );
}
