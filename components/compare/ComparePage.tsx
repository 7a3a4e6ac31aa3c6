import { useCallback, useState } from 'react';
import { pairFromSearch, pairSearch, type Pair } from '../../lib/ui/compare-view';
import { ComparePanel } from './ComparePanel';

const BASE_TITLE = 'Compare tools · Verdict Lens';

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
    document.title = named.length === 2 ? `${named[0]} vs ${named[1]} · Verdict Lens` : BASE_TITLE;
  }, []);

  return (
    <main className="vl-page">
      <h1>Compare tools</h1>
      <p className="vl-intro">The expert panel’s verdicts on two tools, side by side.</p>
      <ComparePanel initial={initial} variant="page" onPairChange={onPairChange} focus={focus} />
    </main>
  );
}
