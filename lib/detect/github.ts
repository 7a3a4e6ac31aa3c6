import reservedNames from 'github-reserved-names/reserved-names.json' with { type: 'json' };
import { githubKey } from '../model/match-keys';
import { builtInSiteOf } from '../sites/built-in';
import type { Detector } from './types';

/**
 * Product and app paths on github.com that the maintained list (github-reserved-names, names
 * GitHub refuses at sign-up, as github-url-detection uses it) lacks, checked against it in
 * tests/unit/detect/reserved-names.test.ts: each is a page of GitHub's own, never an owner.
 */
// prettier-ignore
export const EXTRA_RESERVED = [
  'accelerator', 'models', 'premium-support', 'solutions', 'spark', 'www',
] as const;

/** Exported for the property tests, which generate owners outside it. */
export const RESERVED_OWNERS: ReadonlySet<string> = new Set<string>([
  ...reservedNames,
  ...EXTRA_RESERVED,
]);

// GitHub user/org names: alphanumerics and single inner dashes. A trailing dash is allowed
// because legacy accounts have one and the feed schema accepts it.
const OWNER = /^[a-z0-9](?:-?[a-z0-9])*-?$/;
const REPO = /^[a-z0-9._-]{1,100}$/;

/**
 * Whether `owner/repo` names a page this detector reads as a repository: what the feed schema
 * holds its GitHub match keys to, so a feed cannot list a key no page ever produces.
 */
export function isGithubRepoName(ownerRepo: string): boolean {
  const [owner = '', repo = '', extra] = ownerRepo.toLowerCase().split('/');
  return (
    extra === undefined &&
    owner.length <= 39 &&
    OWNER.test(owner) &&
    !RESERVED_OWNERS.has(owner) &&
    REPO.test(repo) &&
    repo !== '.' &&
    repo !== '..' &&
    !repo.endsWith('.git')
  );
}

export const github: Detector = {
  site: 'github',

  detect(url) {
    if (url.protocol !== 'https:' || url.port !== '') return null;
    if (builtInSiteOf(url.hostname) !== 'github') return null;

    // Both names are case-insensitive on GitHub; the key vocabulary is lower case.
    const [, owner = '', rawRepo = ''] = url.pathname.toLowerCase().split('/', 3);
    const repo = rawRepo.endsWith('.git') ? rawRepo.slice(0, -4) : rawRepo;
    const label = `${owner}/${repo}`;
    if (!isGithubRepoName(label)) return null;

    return { site: 'github', keys: [githubKey(label)], label };
  },
};
