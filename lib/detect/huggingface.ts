import { huggingfaceKey } from '../model/match-keys';
import { builtInSiteOf } from '../sites/built-in';
import type { Detector } from './types';

/**
 * First path segments that are Hugging Face's own pages rather than a user or org, so
 * `/<name>/<x>` is never a model. The repository-type prefixes are handled before this check.
 * Hugging Face publishes no list, so this is collected from the site's navigation and docs.
 * Exported for the property tests, which generate names outside it. An array literal, not a split
 * string: see RESERVED_OWNERS in github.ts.
 */
// prettier-ignore
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'about', 'api', 'authors', 'avatars', 'billing', 'blog', 'brand', 'careers', 'changelog', 'chat',
  'code-of-conduct', 'collections', 'contact', 'content-guidelines', 'datasets-json', 'docs',
  'enterprise', 'front', 'hardware', 'huggingchat', 'inference', 'inference-api',
  'inference-endpoints', 'jobs', 'join', 'learn', 'legal', 'login', 'logout', 'mcp', 'metrics',
  'models-json', 'new', 'new-collection', 'new-dataset', 'new-model', 'new-space',
  'notifications', 'oauth', 'organizations', 'papers', 'posts', 'pricing', 'privacy', 'pro',
  'search', 'security', 'settings', 'sitemap', 'spaces-json', 'storage', 'subscribe', 'support',
  'tasks', 'team', 'terms-of-service', 'welcome',
]);

/** Second segments under a user that are profile tabs, e.g. `/julien-c/activity/community`. */
export const PROFILE_TABS: ReadonlySet<string> = new Set(['activity']);

/**
 * Repository-type prefixes (huggingface_hub's HF_URI_TYPE_PREFIXES): the match-key prefix each
 * stands for. `models/` is the explicit spelling of a model's own path; buckets are storage, not
 * repositories, so `/buckets/…` is never a tool.
 */
export const TYPED_PREFIXES: ReadonlyMap<string, string | null> = new Map([
  ['datasets', 'datasets/'],
  ['spaces', 'spaces/'],
  ['kernels', 'kernels/'],
  ['models', ''],
  ['buckets', null],
]);

/** Routes that take a revision next (`/org/name/blob/main/…`). */
export const REVISION_ROUTES: ReadonlySet<string> = new Set([
  'blob',
  'blame',
  'raw',
  'resolve',
  'tree',
]);

// Matches the feed schema's Hugging Face names, so every detected key can exist in the feed.
const NAME = /^[a-z0-9][a-z0-9._-]{0,95}$/;

/**
 * Whether `org/name` (or `datasets/`, `spaces/`, `kernels/` + `org/name`) is a path this detector
 * reads as a repository: what the feed schema holds its Hugging Face match keys to.
 */
export function isHuggingfaceRepoPath(path: string): boolean {
  const segments = path.toLowerCase().split('/');
  const typed = segments.length === 3 && typeof TYPED_PREFIXES.get(segments[0]!) === 'string';
  if (segments.length !== (typed ? 3 : 2) || segments[0] === 'models') return false;
  const [org = '', name = ''] = typed ? segments.slice(1) : segments;
  return isRepoName(org, name, typed);
}

function isRepoName(org: string, name: string, typed: boolean): boolean {
  if (!NAME.test(org) || !NAME.test(name)) return false;
  return typed || !(RESERVED_NAMES.has(org) || PROFILE_TABS.has(name));
}

export const huggingface: Detector = {
  site: 'huggingface',

  detect(url) {
    if (url.protocol !== 'https:' || url.port !== '') return null;
    if (builtInSiteOf(url.hostname) !== 'huggingface') return null;

    // Repository names resolve case-insensitively; the key vocabulary is lower case.
    const segments = url.pathname.toLowerCase().split('/', 6).slice(1);
    const first = segments[0] ?? '';
    const typed = TYPED_PREFIXES.has(first);
    const prefix = typed ? TYPED_PREFIXES.get(first)! : '';
    if (prefix === null) return null;
    const [org = '', name = '', next, afterNext] = typed ? segments.slice(1) : segments;

    if (!isRepoName(org, name, typed)) return null;
    // `/datasets/squad/blob/main/x` is the legacy single-name dataset `squad`, not `squad/blob`:
    // a route that takes a revision, followed by something that is no page of a repo.
    if (
      REVISION_ROUTES.has(name) &&
      next !== undefined &&
      next !== '' &&
      !isRepoPage(next, afterNext)
    )
      return null;

    const label = `${prefix}${org}/${name}`;
    return { site: 'huggingface', keys: [huggingfaceKey(label)], label };
  },
};

/** Whether `/<segment>/…` after a repository's path is one of the repository's own pages. */
function isRepoPage(segment: string, after: string | undefined): boolean {
  if (REVISION_ROUTES.has(segment)) return after !== undefined;
  return REPO_PAGES.has(segment);
}

/** A repository's other pages on huggingface.co. */
const REPO_PAGES: ReadonlySet<string> = new Set([
  'commit',
  'commits',
  'discussions',
  'settings',
  'edit',
  'viewer',
  'upload',
  'delete',
  'media',
  'community',
]);
