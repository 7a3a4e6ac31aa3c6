import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect';
import githubUrlDetection from './peers/github-url-detection.json';
import huggingfaceHub from './peers/huggingface-hub-urls.json';

/**
 * The detectors against public peers' own suites (vendored in ./peers with their source, commit
 * and licence): github-url-detection's example URLs, split by whether its `isRepo()` holds, and
 * huggingface_hub's web-URL cases for `parse_hf_uri`. They agree everywhere except the policy
 * choices listed here, each with its reason; a listed exception that stops differing fails too.
 */

const githubRepoOf = (url: string): string | null => {
  const found = detect(url);
  return found?.site === 'github' ? found.label : null;
};

/** github-url-detection's repo for a URL where isRepo holds: the first two path segments. */
const peerRepo = (url: string): string =>
  new URL(url).pathname.split('/').filter(Boolean).slice(0, 2).join('/').toLowerCase();

const GITHUB_POLICY: Record<string, { ours: string | null; why: string }> = {
  'http://github.com/sindresorhus/ava/issues': {
    ours: null,
    why: 'https only: the lens never runs on plain http, and a key must not come from one',
  },
  'https://github.com/sindresorhus///edit': {
    ours: null,
    why: 'no collapsed `//`: github.com does not serve the repo there, the peer tidies the path first',
  },
  'https://github.com/fregante/browser-extension-template/generate': {
    ours: 'fregante/browser-extension-template',
    why: '"Use this template" is a page about the template repository: its verdict applies',
  },
};

describe('github-url-detection: a repository exactly where isRepo() holds', () => {
  const holds = new Set<string>(githubUrlDetection.isRepo.holds);
  const all: string[] = [
    ...githubUrlDetection.isRepo.holds,
    ...githubUrlDetection.isRepo.doesNotHold,
  ];

  it('vendors the whole suite, with its source', () => {
    expect(all.length).toBeGreaterThan(200);
    expect(githubUrlDetection.source).toMatchObject({
      licence: 'MIT',
      repo: 'refined-github/github-url-detection',
    });
    expect(githubUrlDetection.source.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each(all.filter((url) => !(url in GITHUB_POLICY)))('%s', (url) => {
    expect(githubRepoOf(url)).toBe(holds.has(url) ? peerRepo(url) : null);
  });

  it.each(Object.entries(GITHUB_POLICY))('policy: %s (%o)', (url, { ours }) => {
    expect(all).toContain(url);
    expect(githubRepoOf(url)).toBe(ours);
    // Still a real difference from the peer, or the exception is stale.
    expect(ours).not.toBe(holds.has(url) ? peerRepo(url) : null);
  });
});

describe('github-url-detection: named cases', () => {
  it('finds community/community, a live repository the old hand-copied list refused', () => {
    expect(githubRepoOf('https://github.com/community/community')).toBe('community/community');
  });
});

interface HubCase {
  input: string;
  expectFail: boolean;
  type: string | null;
  repoId: string | null;
}

const PREFIX: Record<string, string> = {
  bucket: 'buckets/',
  model: '',
  dataset: 'datasets/',
  space: 'spaces/',
  kernel: 'kernels/',
};

const huggingfaceRepoOf = (url: string): string | null => {
  let found;
  try {
    found = detect(url);
  } catch {
    return null;
  }
  return found?.site === 'huggingface' ? found.label : null;
};

/** What the peer says the page's repository is, as our label; null where it refuses. */
const peerLabel = (c: HubCase): string | null =>
  c.expectFail || c.type === null || !(c.type in PREFIX)
    ? null
    : `${PREFIX[c.type]}${c.repoId!}`.toLowerCase();

const NOT_OUR_HOST =
  'the lens runs only on https://huggingface.co (hf.co, http, custom endpoints redirect or are not served)';
const REPO_PAGE =
  'a page of the repository (its commits, discussions, settings, media) is about it; the peer refuses it only because it is no file URL';

const HUGGINGFACE_POLICY: Record<string, { ours: string | null; why: string }> = {
  'https://huggingface.co/buckets/my-org/my-bucket': {
    ours: null,
    why: 'buckets are storage, not repositories: no tool is a bucket',
  },
  'https://huggingface.co/buckets/my-org/my-bucket/resolve/sub/data.bin': {
    ours: null,
    why: 'a bucket',
  },
  'https://huggingface.co/buckets/my-org/my-bucket/tree/sub/dir': { ours: null, why: 'a bucket' },
  'https://huggingface.co/buckets/my-org/my-bucket/resolve/sub/my%20data.bin': {
    ours: null,
    why: 'a bucket',
  },
  'https://hf.co/my-org/my-model': { ours: null, why: NOT_OUR_HOST },
  'http://huggingface.co/my-org/my-model': { ours: null, why: NOT_OUR_HOST },
  'huggingface.co/datasets/my-org/my-dataset': {
    ours: null,
    why: 'not a URL: a page always has a scheme',
  },
  'https://hub.my-company.com/datasets/my-org/my-dataset/blob/main/train.csv': {
    ours: null,
    why: NOT_OUR_HOST,
  },
  'http://localhost:8080/hf/my-org/my-model': { ours: null, why: NOT_OUR_HOST },
  'https://huggingface.co/my-org/my-model/commit/abc123': {
    ours: 'my-org/my-model',
    why: REPO_PAGE,
  },
  'https://huggingface.co/my-org/my-model/commits/main': {
    ours: 'my-org/my-model',
    why: REPO_PAGE,
  },
  'https://huggingface.co/my-org/my-model/discussions': { ours: 'my-org/my-model', why: REPO_PAGE },
  'https://huggingface.co/my-org/my-model/settings': { ours: 'my-org/my-model', why: REPO_PAGE },
  'https://huggingface.co/my-org/my-model/media/main/image.png': {
    ours: 'my-org/my-model',
    why: REPO_PAGE,
  },
};

describe('huggingface_hub: parse_hf_uri on web URLs', () => {
  const cases = huggingfaceHub.cases as HubCase[];

  it('vendors the web-URL cases, with their source', () => {
    expect(cases.length).toBeGreaterThan(40);
    expect(huggingfaceHub.source).toMatchObject({
      licence: 'Apache-2.0',
      repo: 'huggingface/huggingface_hub',
    });
  });

  it.each(cases.filter((c) => !(c.input in HUGGINGFACE_POLICY)))('$input', (c) => {
    expect(huggingfaceRepoOf(c.input)).toBe(peerLabel(c));
  });

  it.each(Object.entries(HUGGINGFACE_POLICY))('policy: %s (%o)', (url, { ours }) => {
    const c = cases.find((x) => x.input === url);
    expect(c, url).toBeDefined();
    expect(huggingfaceRepoOf(url)).toBe(ours);
    expect(ours).not.toBe(peerLabel(c!));
  });
});
