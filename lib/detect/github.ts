import { githubKey } from '../model/match-keys';
import { builtInSiteOf } from '../sites/built-in';
import type { Detector } from './types';

/**
 * First path segments that are GitHub's own pages rather than an owner, so `/<name>/<x>` is never
 * a repository. Based on the `github-reserved-names` list used by github-url-detection (names
 * GitHub refuses at sign-up), plus product paths that list is missing.
 */
// prettier-ignore
const UPSTREAM_RESERVED = [
  '400', '401', '402', '403', '404', '405', '406', '407', '408', '409', '410', '411', '412', '413',
  '414', '415', '416', '417', '418', '419', '420', '421', '422', '423', '424', '425', '426', '427',
  '428', '429', '430', '431', '500', '501', '502', '503', '504', '505', '506', '507', '508', '509',
  '510', '511', 'about', 'access', 'account', 'admin', 'advisories', 'anonymous', 'any', 'api',
  'apps', 'attributes', 'auth', 'billing', 'blob', 'blog', 'bounty', 'branches', 'business',
  'businesses', 'c', 'cache', 'case-studies', 'categories', 'central', 'certification',
  'changelog', 'cla', 'cloud', 'codereview', 'collection', 'collections', 'comments', 'commit',
  'commits', 'community', 'companies', 'compare', 'contact', 'contributing', 'cookbook', 'coupons',
  'customer-stories', 'customer', 'customers', 'dashboard', 'dashboards', 'design', 'develop',
  'developer', 'diff', 'discover', 'discussions', 'docs', 'downloads', 'downtime', 'editor',
  'editors', 'edu', 'enterprise', 'events', 'explore', 'featured', 'features', 'files', 'fixtures',
  'forked', 'garage', 'ghost', 'gist', 'gists', 'graphs', 'guide', 'guides', 'help', 'help-wanted',
  'home', 'hooks', 'hosting', 'hovercards', 'identity', 'images', 'inbox', 'individual', 'info',
  'integration', 'interfaces', 'introduction', 'invalid-email-address', 'investors', 'issues',
  'jobs', 'join', 'journal', 'journals', 'lab', 'labs', 'languages', 'launch', 'layouts', 'learn',
  'legal', 'library', 'linux', 'listings', 'lists', 'login', 'logos', 'logout', 'mac',
  'maintenance', 'malware', 'man', 'marketplace', 'mention', 'mentioned', 'mentioning', 'mentions',
  'migrating', 'milestones', 'mine', 'mirrors', 'mobile', 'navigation', 'network', 'new', 'news',
  'none', 'nonprofit', 'nonprofits', 'notices', 'notifications', 'oauth', 'offer', 'open-source',
  'organisations', 'organizations', 'orgs', 'pages', 'partners', 'payments', 'personal', 'plans',
  'plugins', 'popular', 'popularity', 'posts', 'press', 'pricing', 'professional', 'projects',
  'pulls', 'raw', 'readme', 'recommendations', 'redeem', 'releases', 'render', 'reply',
  'repositories', 'resources', 'restore', 'revert', 'save-net-neutrality', 'saved', 'scraping',
  'search', 'security', 'services', 'sessions', 'settings', 'shareholders', 'shop', 'showcases',
  'signin', 'signup', 'site', 'spam', 'sponsors', 'ssh', 'staff', 'starred', 'stars', 'static',
  'status', 'statuses', 'storage', 'store', 'stories', 'styleguide', 'subscriptions', 'suggest',
  'suggestion', 'suggestions', 'support', 'suspended', 'talks', 'teach', 'teacher', 'teachers',
  'teaching', 'team', 'teams', 'ten', 'terms', 'timeline', 'topic', 'topics', 'tos', 'tour',
  'train', 'training', 'translations', 'tree', 'trending', 'updates', 'username', 'users',
  'visualization', 'w', 'watching', 'wiki', 'windows', 'works-with', 'www0', 'www1', 'www2',
  'www3', 'www4', 'www5', 'www6', 'www7', 'www8', 'www9',
];

// Product and app paths on github.com that the upstream list lacks.
// prettier-ignore
const EXTRA_RESERVED = [
  'accelerator', 'codespaces', 'copilot', 'education', 'enterprises', 'feed', 'git-guides',
  'github-copilot', 'mcp', 'models', 'premium-support', 'solutions', 'spark', 'user-attachments',
  'why-github', 'www',
];

/**
 * Exported for the property tests, which generate owners outside it. The names are array literals,
 * not one string split at load: splitting it cost 0.2 ms on every page the content script runs on.
 */
export const RESERVED_OWNERS: ReadonlySet<string> = new Set([
  ...UPSTREAM_RESERVED,
  ...EXTRA_RESERVED,
]);

// GitHub user/org names: alphanumerics and single inner dashes. A trailing dash is allowed
// because legacy accounts have one and the feed schema accepts it.
const OWNER = /^[a-z0-9](?:-?[a-z0-9])*-?$/;
const REPO = /^[a-z0-9._-]{1,100}$/;

export const github: Detector = {
  site: 'github',

  detect(url) {
    if (url.protocol !== 'https:' || url.port !== '') return null;
    if (builtInSiteOf(url.hostname) !== 'github') return null;

    // Both names are case-insensitive on GitHub; the key vocabulary is lower case.
    const [, owner = '', rawRepo = ''] = url.pathname.toLowerCase().split('/', 3);
    const repo = rawRepo.endsWith('.git') ? rawRepo.slice(0, -4) : rawRepo;
    if (owner.length === 0 || owner.length > 39 || !OWNER.test(owner)) return null;
    if (RESERVED_OWNERS.has(owner)) return null;
    if (!REPO.test(repo) || repo === '.' || repo === '..') return null;

    const label = `${owner}/${repo}`;
    return { site: 'github', keys: [githubKey(label)], label };
  },
};
