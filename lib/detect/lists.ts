import { RESERVED_OWNERS } from './github';
import { RESERVED_NAMES } from './huggingface';
import { builtInSiteOf } from '../sites/built-in';

/** A page where people choose among many repositories, models, datasets or spaces. */
export interface ListPage {
  site: 'github' | 'huggingface';
  kind: string;
}

const HF_LISTINGS = new Set(['models', 'datasets', 'spaces']);

/**
 * Which list page a URL is, or null. GitHub: repository search, trending, topics, an org's
 * repositories, a user's repositories and stars tabs and star lists. Hugging Face: the models,
 * datasets and spaces listings, an org or user page, collections.
 */
export function listPageOf(url: URL): ListPage | null {
  if (url.protocol !== 'https:' || url.port !== '') return null;
  const site = builtInSiteOf(url.hostname);
  const [first = '', second, third, fourth] = url.pathname.toLowerCase().split('/').slice(1);
  if (site === 'github') {
    const type = url.searchParams.get('type')?.toLowerCase();
    if (
      first === 'search' &&
      !second &&
      (type === 'repositories' || type === null || type === undefined)
    )
      return { site, kind: 'search' };
    if (first === 'trending' && (!third || third === '')) return { site, kind: 'trending' };
    if (first === 'topics' && second && !third) return { site, kind: 'topic' };
    if (first === 'orgs' && second && third === 'repositories' && !fourth)
      return { site, kind: 'org-repositories' };
    if (first === 'stars' && second) return { site, kind: 'stars' };
    const tab = url.searchParams.get('tab');
    if (
      first &&
      !second &&
      !RESERVED_OWNERS.has(first) &&
      (tab === 'repositories' || tab === 'stars')
    )
      return { site, kind: `user-${tab}` };
    return null;
  }
  if (site === 'huggingface') {
    if (HF_LISTINGS.has(first) && !second) return { site, kind: first };
    if (first === 'collections' && second) return { site, kind: 'collection' };
    if (
      first &&
      (!second || second === '') &&
      !RESERVED_NAMES.has(first) &&
      !HF_LISTINGS.has(first)
    )
      return { site, kind: 'profile' };
  }
  return null;
}
