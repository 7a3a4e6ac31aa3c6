import { githubKey } from '../match-keys';
import type { Detector } from './types';

/**
 * First path segments that are GitHub's own pages rather than an owner, so `/<name>/<x>` is never
 * a repository. Based on the `github-reserved-names` list used by github-url-detection (names
 * GitHub refuses at sign-up), plus product paths that list is missing.
 */
const UPSTREAM_RESERVED = `
  400 401 402 403 404 405 406 407 408 409 410 411 412 413 414 415 416 417 418 419 420 421 422
  423 424 425 426 427 428 429 430 431 500 501 502 503 504 505 506 507 508 509 510 511
  about access account admin advisories anonymous any api apps attributes auth billing blob blog
  bounty branches business businesses c cache case-studies categories central certification
  changelog cla cloud codereview collection collections comments commit commits community
  companies compare contact contributing cookbook coupons customer-stories customer customers
  dashboard dashboards design develop developer diff discover discussions docs downloads downtime
  editor editors edu enterprise events explore featured features files fixtures forked garage
  ghost gist gists graphs guide guides help help-wanted home hooks hosting hovercards identity
  images inbox individual info integration interfaces introduction invalid-email-address
  investors issues jobs join journal journals lab labs languages launch layouts learn legal
  library linux listings lists login logos logout mac maintenance malware man marketplace mention
  mentioned mentioning mentions migrating milestones mine mirrors mobile navigation network new
  news none nonprofit nonprofits notices notifications oauth offer open-source organisations
  organizations orgs pages partners payments personal plans plugins popular popularity posts
  press pricing professional projects pulls raw readme recommendations redeem releases render
  reply repositories resources restore revert save-net-neutrality saved scraping search security
  services sessions settings shareholders shop showcases signin signup site spam sponsors ssh
  staff starred stars static status statuses storage store stories styleguide subscriptions
  suggest suggestion suggestions support suspended talks teach teacher teachers teaching team
  teams ten terms timeline topic topics tos tour train training translations tree trending
  updates username users visualization w watching wiki windows works-with www0 www1 www2 www3
  www4 www5 www6 www7 www8 www9
`;

// Product and app paths on github.com that the upstream list lacks.
const EXTRA_RESERVED = `
  accelerator codespaces copilot education enterprises feed git-guides github-copilot mcp models
  premium-support solutions spark user-attachments why-github www
`;

/** Exported for the property tests, which generate owners outside it. */
export const RESERVED_OWNERS: ReadonlySet<string> = new Set(
  `${UPSTREAM_RESERVED} ${EXTRA_RESERVED}`.trim().split(/\s+/),
);

// GitHub user/org names: alphanumerics and single inner dashes. A trailing dash is allowed
// because legacy accounts have one and the feed schema accepts it.
const OWNER = /^[a-z0-9](?:-?[a-z0-9])*-?$/;
const REPO = /^[a-z0-9._-]{1,100}$/;

export const github: Detector = {
  site: 'github',

  detect(url) {
    if (url.protocol !== 'https:' || url.port !== '') return null;
    const host = url.hostname.replace(/\.$/, '');
    if (host !== 'github.com' && host !== 'www.github.com') return null;

    // Both names are case-insensitive on GitHub; the key vocabulary is lower case.
    const [, owner = '', rawRepo = ''] = url.pathname.toLowerCase().split('/', 3);
    const repo = rawRepo.endsWith('.git') ? rawRepo.slice(0, -4) : rawRepo;
    if (owner.length === 0 || owner.length > 39 || !OWNER.test(owner)) return null;
    if (RESERVED_OWNERS.has(owner)) return null;
    if (!REPO.test(repo) || repo === '.' || repo === '..') return null;

    const label = `${owner}/${repo}`;
    return { site: 'github', keys: [githubKey(label)], label };
  },

  examples: {
    match: {
      'https://github.com/huggingface/transformers': 'huggingface/transformers',
      'https://github.com/huggingface/transformers/': 'huggingface/transformers',
      'https://github.com/HuggingFace/Transformers': 'huggingface/transformers',
      'https://www.github.com/vercel/next.js': 'vercel/next.js',
      'https://github.com/torvalds/linux.git': 'torvalds/linux',
      'https://github.com/torvalds/linux.git/': 'torvalds/linux',
      'https://github.com/microsoft/vscode/tree/main/src': 'microsoft/vscode',
      'https://github.com/microsoft/vscode/blob/main/README.md': 'microsoft/vscode',
      'https://github.com/microsoft/vscode/blob/main/README.md#L10-L20': 'microsoft/vscode',
      'https://github.com/facebook/react/issues': 'facebook/react',
      'https://github.com/facebook/react/issues/12': 'facebook/react',
      'https://github.com/facebook/react/issues?q=is%3Aopen+label%3Abug': 'facebook/react',
      'https://github.com/facebook/react/pulls': 'facebook/react',
      'https://github.com/facebook/react/pull/3/files': 'facebook/react',
      'https://github.com/facebook/react/actions': 'facebook/react',
      'https://github.com/facebook/react/actions/runs/123456/job/789': 'facebook/react',
      'https://github.com/facebook/react/wiki': 'facebook/react',
      'https://github.com/facebook/react/wiki/Home': 'facebook/react',
      'https://github.com/facebook/react/releases': 'facebook/react',
      'https://github.com/facebook/react/releases/tag/v19.0.0': 'facebook/react',
      'https://github.com/facebook/react/commits/main': 'facebook/react',
      'https://github.com/facebook/react/commit/0123abc': 'facebook/react',
      'https://github.com/facebook/react/compare/main...next': 'facebook/react',
      'https://github.com/facebook/react/security': 'facebook/react',
      'https://github.com/facebook/react/security/advisories': 'facebook/react',
      'https://github.com/facebook/react/stargazers': 'facebook/react',
      'https://github.com/facebook/react/discussions': 'facebook/react',
      'https://github.com/facebook/react/discussions/42': 'facebook/react',
      'https://github.com/facebook/react/settings': 'facebook/react',
      'https://github.com/facebook/react/network/members': 'facebook/react',
      'https://github.com/facebook/react?tab=readme-ov-file': 'facebook/react',
      'https://github.com/facebook/react#readme': 'facebook/react',
      'https://github.com/getcursor/.github': 'getcursor/.github',
      'https://github.com/a/b': 'a/b',
      'https://github.com/ggml-org/llama.cpp': 'ggml-org/llama.cpp',
      'https://github.com/openai/openai_agents-python': 'openai/openai_agents-python',
      'https://github.com/user-1-2/repo...x': 'user-1-2/repo...x',
      'https://github.com./anthropics/claude-code': 'anthropics/claude-code',
      'https://github.com/github/docs': 'github/docs',
    },
    reject: [
      'https://github.com',
      'https://github.com/',
      'https://github.com/?tab=repositories',
      'https://github.com/huggingface',
      'https://github.com/huggingface/',
      'https://github.com/huggingface?tab=repositories',
      'https://github.com/orgs/huggingface',
      'https://github.com/orgs/huggingface/repositories',
      'https://github.com/orgs/huggingface/people',
      'https://github.com/users/octocat/projects/1',
      'https://github.com/search?q=llm&type=repositories',
      'https://github.com/search/advanced',
      'https://github.com/settings/profile',
      'https://github.com/settings/tokens/new',
      'https://github.com/notifications',
      'https://github.com/notifications/subscriptions',
      'https://gist.github.com/octocat/6cad326836d38bd3a7ae',
      'https://github.com/gist/6cad326836d38bd3a7ae',
      'https://github.com/marketplace/actions/checkout',
      'https://github.com/marketplace/models/azure-openai/gpt-4o',
      'https://github.com/sponsors/octocat',
      'https://github.com/topics/machine-learning',
      'https://github.com/features/copilot',
      'https://github.com/features/actions/',
      'https://github.com/login',
      'https://github.com/login/oauth/authorize?client_id=x',
      'https://github.com/about/careers',
      'https://github.com/pricing',
      'https://github.com/explore',
      'https://github.com/trending/python?since=daily',
      'https://github.com/collections/machine-learning',
      'https://github.com/new',
      'https://github.com/new/import',
      'https://github.com/organizations/new',
      'https://github.com/codespaces/new',
      'https://github.com/apps/dependabot',
      'https://github.com/enterprise/startups',
      'https://github.com/enterprises/acme/settings',
      'https://github.com/security/advanced-security',
      'https://github.com/site/terms',
      'https://github.com/readme/featured/open-source',
      'https://github.com/team/pricing',
      'https://github.com/customer-stories/mercedes-benz',
      'https://github.com/dashboard',
      'https://github.com/pulls/review-requested',
      'https://github.com/issues/assigned',
      'https://github.com/account/organizations',
      'https://github.com/watching',
      'https://github.com/stars/octocat/lists/ai',
      'https://github.com/logout',
      'https://github.com/signup?source=header',
      'https://github.com/join/plan',
      'https://github.com/contact/report-abuse',
      'https://github.com/blog/1234-old-post',
      'https://github.com/events/universe',
      'https://github.com/github-copilot/pro',
      'https://github.com/copilot/c/0123',
      'https://github.com/models/openai/gpt-4o',
      'https://github.com/resources/articles/ai',
      'https://github.com/solutions/use-case/devops',
      'https://github.com/open-source/stories',
      'https://github.com/premium-support/plans',
      'https://github.com/partners/directory',
      'https://github.com/git-guides/git-clone',
      'https://github.com/mobile/ios',
      'https://github.com/home/x',
      'https://github.com/feed/x',
      'https://github.com/user-attachments/assets/0123-abcd',
      'https://github.com/mcp/github/github-mcp-server',
      'https://github.com/-octocat/repo',
      'https://github.com/octo--cat/repo',
      'https://github.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/repo',
      'https://github.com/octo_cat/repo',
      'https://github.com/octocat/.',
      'https://github.com/octocat/..',
      'https://github.com/octocat/.git',
      'https://github.com/octocat/re%20po',
      'https://github.com//octocat/repo',
      'http://github.com/facebook/react',
      'https://github.com:8443/facebook/react',
      'https://api.github.com/repos/facebook/react',
      'https://raw.githubusercontent.com/facebook/react/main/README.md',
      'https://docs.github.com/en/get-started',
      'https://education.github.com/pack',
    ],
  },
};
