import { listPageOf, type ListPage } from '../../lib/detect/lists';
import { escapeHtml } from '../../tests/e2e/support/sites';

/** The list page the list figures load: GitHub's repository search for this query. */
export const LIST_URL = 'https://github.com/search?q=synthetic&type=repositories';
/** The same page with no rated result at all. */
export const UNRATED_LIST_URL = 'https://github.com/search?q=unrated&type=repositories';
/** That URL as the extension's list detection takes it. */
export const UNRATED_LIST_PAGE: ListPage = listPageOf(new URL(UNRATED_LIST_URL))!;
export const LIST_RESULTS = 100;
export const LIST_RATED = 10;

/** Synthetic repositories the bench dataset rates (scripts/synth.ts's match keys). */
const ratedRepo = (n: number) => `synthetic-org-${n % 997}/synthetic-repo-${n}`;

/** One result row as GitHub's React search renders it (tests/e2e/fixtures/lists/github-search.html). */
function row(repo: string): string {
  const path = `/${escapeHtml(repo)}`;
  return `<div class="Result-module__Result__Up5vk"><div class="Repositories-module__resultRow__OxgKG"><div class="Repositories-module__resultContent___BS2W">
<div class="Header-module__header__Lm3Qw"><img src="https://github.com/${escapeHtml(repo.split('/')[0]!)}.png?size=40" alt="" width="20" height="20">
<h3 class="Header-module__heading__Xy7aa"><div class="search-title"><a class="prc-Link-Link-85e08" href="${path}"><span class="prc-Text-Text-9mHv3">${escapeHtml(repo)}</span></a></div></h3></div>
<div class="Content-module__Content__mHmep"><span class="search-match">A synthetic repository for the list benchmark, described in one sentence like real results.</span></div>
<div class="TokenList-module__tokenList__zbitn"><a href="/topics/agents">agents</a><a href="/topics/machine-learning">machine-learning</a></div>
<ul class="Footer-module__footer__rWx13"><li><span aria-label="Python language">Python</span></li><li><a href="${path}/stargazers" aria-label="42 stars">42</a></li><li><span title="Sep 28, 2026">Updated 3 days ago</span></li></ul>
</div><div class="Repositories-module__actionsColumn__LdieL"><a href="/sponsors/${escapeHtml(repo.split('/')[0]!)}">Sponsor</a><button type="button">Star</button></div></div></div>`;
}

/**
 * SYNTHETIC bench page: a 100-result repository search in GitHub's markup, `rated` of whose
 * results (spread over the list) are tools of the bench dataset, the rest unrated repositories.
 */
export function listPage(rated: number): string {
  const every = Math.floor(LIST_RESULTS / Math.max(1, rated));
  const rows = Array.from({ length: LIST_RESULTS }, (_, i) =>
    rated > 0 && i % every === 0 && i / every < rated
      ? ratedRepo(1000 + i)
      : `synthetic-unrated-${i}/not-in-the-dataset-${i}`,
  );
  return `<!doctype html><html lang="en" data-color-mode="light"><head><meta charset="utf-8"><title>Repository search results · GitHub</title></head>
<body><header role="banner"><nav aria-label="Global"><a href="/">Home</a><a href="/trending">Trending</a></nav></header>
<main id="main-content"><div data-testid="facets-pane"><ul><li><a href="/search?q=synthetic&type=code">Code</a></li><li><a href="/search?q=synthetic&type=repositories" aria-current="page">Repositories</a></li></ul></div>
<div data-testid="search-sub-header"><h2>${LIST_RESULTS} results</h2></div>
<div data-testid="results-list">${rows.map(row).join('\n')}</div></main>
<footer><a href="/site/terms">Terms</a></footer></body></html>`;
}
