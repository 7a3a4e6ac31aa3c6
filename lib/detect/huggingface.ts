import { huggingfaceKey } from '../model/match-keys';
import { builtInSiteOf } from '../sites/built-in';
import type { Detector } from './types';

/**
 * First path segments that are Hugging Face's own pages rather than a user or org, so
 * `/<name>/<x>` is never a model. `datasets` and `spaces` are handled before this check.
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
  'models', 'models-json', 'new', 'new-collection', 'new-dataset', 'new-model', 'new-space',
  'notifications', 'oauth', 'organizations', 'papers', 'posts', 'pricing', 'privacy', 'pro',
  'search', 'security', 'settings', 'sitemap', 'spaces-json', 'storage', 'subscribe', 'support',
  'tasks', 'team', 'terms-of-service', 'welcome',
]);

/** Second segments under a user that are profile tabs, e.g. `/julien-c/activity/community`. */
export const PROFILE_TABS: ReadonlySet<string> = new Set(['activity']);

/** The `datasets/` or `spaces/` prefix of a repository path; models have none. */
export const TYPED_PREFIXES: ReadonlySet<string> = new Set(['datasets', 'spaces']);

// Matches the feed schema's Hugging Face names, so every detected key can exist in the feed.
const NAME = /^[a-z0-9][a-z0-9._-]{0,95}$/;

export const huggingface: Detector = {
  site: 'huggingface',

  detect(url) {
    if (url.protocol !== 'https:' || url.port !== '') return null;
    if (builtInSiteOf(url.hostname) !== 'huggingface') return null;

    // Repository names resolve case-insensitively; the key vocabulary is lower case.
    const segments = url.pathname.toLowerCase().split('/', 4);
    const first = segments[1] ?? '';
    const typed = TYPED_PREFIXES.has(first);
    const org = (typed ? segments[2] : first) ?? '';
    const name = (typed ? segments[3] : segments[2]) ?? '';

    if (!NAME.test(org) || !NAME.test(name)) return null;
    if (!typed && (RESERVED_NAMES.has(org) || PROFILE_TABS.has(name))) return null;

    const label = typed ? `${first}/${org}/${name}` : `${org}/${name}`;
    return { site: 'huggingface', keys: [huggingfaceKey(label)], label };
  },
};
