import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect, detectorFor, detectors } from '../../../lib/detect';
import { EXAMPLES } from '../../../lib/detect/examples';
import type { Detector } from '../../../lib/detect/types';
import { domainKeysForHost, githubKey, huggingfaceKey } from '../../../lib/model/match-keys';
import { ToolMatchSchema } from '../../../lib/feed/schema';

/** The keys a match example must yield, derived independently of the detector's own code. */
function expectedKeys(detector: Detector, url: string, label: string): string[] {
  switch (detector.site) {
    case 'github':
      return [githubKey(label)];
    case 'huggingface':
      return [huggingfaceKey(label)];
    case 'product':
      return domainKeysForHost(new URL(url).hostname);
  }
}

/** The label must be something the feed can carry, or the key could never be found. */
function feedAcceptsLabel(detector: Detector, label: string): boolean {
  const field = { github: 'github', huggingface: 'huggingface', product: 'domains' }[detector.site];
  return ToolMatchSchema.safeParse({ [field]: [label] }).success;
}

const examples = (d: Detector) => EXAMPLES[d.site];
const matchUrls = (d: Detector) => Object.keys(examples(d).match);
const allUrls = (d: Detector) => [...matchUrls(d), ...examples(d).reject];

describe.each(detectors.map((d) => [d.site, d] as const))('%s detector', (_site, detector) => {
  it('carries enough examples', () => {
    expect(matchUrls(detector).length).toBeGreaterThanOrEqual(15);
    expect(examples(detector).reject.length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.entries(examples(detector).match))('matches %s as %s', (url, label) => {
    expect(detector.detect(new URL(url))).toEqual({
      site: detector.site,
      label,
      keys: expectedKeys(detector, url, label),
    });
    expect(feedAcceptsLabel(detector, label)).toBe(true);
  });

  it.each(examples(detector).reject)('rejects %s', (url) => {
    expect(detector.detect(new URL(url))).toBeNull();
  });

  const others = detectors.filter((d) => d !== detector);
  it.each(others.map((o) => [o.site, o] as const))(
    'all its examples are rejected by the %s detector',
    (_other, other) => {
      const claimed = allUrls(detector).filter((url) => other.detect(new URL(url)) !== null);
      expect(claimed).toEqual([]);
    },
  );
});

describe('github', () => {
  it('has the most examples', () => {
    const github = detectorFor('github');
    for (const d of detectors.filter((x) => x !== github)) {
      expect(matchUrls(github).length).toBeGreaterThan(matchUrls(d).length);
      expect(examples(github).reject.length).toBeGreaterThan(examples(d).reject.length);
    }
  });

  it.each([
    'https://gitlab.com/owner/repo',
    'https://github.co/owner/repo',
    'https://notgithub.com/a/b',
  ])('ignores other hosts: %s', (url) => {
    expect(detectorFor('github').detect(new URL(url))).toBeNull();
  });
});

describe('huggingface', () => {
  it.each([
    'https://hf.co/meta-llama/llama',
    'https://huggingface.com/a/b',
    'https://github.com/a/b',
  ])('ignores other hosts: %s', (url) => {
    expect(detectorFor('huggingface').detect(new URL(url))).toBeNull();
  });
});

describe('detect()', () => {
  it('dispatches every match example, as a string or a URL, to its own detector', () => {
    for (const detector of detectors) {
      for (const [url, label] of Object.entries(examples(detector).match)) {
        expect(detect(url), url).toMatchObject({ site: detector.site, label });
        expect(detect(new URL(url)), url).toEqual(detect(url));
      }
    }
  });

  it('returns null for every reject example of every detector', () => {
    const found = detectors
      .flatMap((d) => examples(d).reject)
      .filter((url) => detect(url) !== null);
    expect(found).toEqual([]);
  });

  it.each([
    '',
    ' ',
    'not a url',
    'https://',
    'http://',
    '/facebook/react',
    'github.com/facebook/react',
    '//github.com/a/b',
    'https://exa mple.com/',
    'http://[::1',
  ])('returns null for the unparsable %j', (input) => {
    expect(detect(input)).toBeNull();
  });

  it('gives a github page one key and a product page its host then its parents', () => {
    expect(detect('https://github.com/Owner/Repo/issues')?.keys).toEqual(['github:owner/repo']);
    expect(detect('https://huggingface.co/datasets/Org/Set')?.keys).toEqual([
      'hf:datasets/org/set',
    ]);
    expect(detect('https://huggingface.co/spaces/Org/App')?.keys).toEqual(['hf:spaces/org/app']);
    expect(detect('https://huggingface.co/Org/Model')?.keys).toEqual(['hf:org/model']);
    expect(detect('https://a.docs.cursor.com/x')?.keys).toEqual([
      'domain:a.docs.cursor.com',
      'domain:docs.cursor.com',
      'domain:cursor.com',
    ]);
  });

  it('yields only lower-case keys of the shared vocabulary', () => {
    const shape =
      /^(?:github:[a-z0-9-]+\/[a-z0-9._-]+|hf:(?:(?:datasets|spaces|kernels)\/)?[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*|domain:[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/;
    for (const detector of detectors) {
      for (const url of matchUrls(detector)) {
        const keys = detect(url)?.keys ?? [];
        expect(keys.length, url).toBeGreaterThan(0);
        for (const key of keys) expect(key, url).toMatch(shape);
      }
    }
  });

  it('finds the detector for each site', () => {
    for (const d of detectors) expect(detectorFor(d.site)).toBe(d);
  });

  it('never throws on garbage, and finds only known sites', () => {
    const prefixes = fc.constantFrom(
      '',
      'https://',
      'http://',
      'https://github.com/',
      'https://huggingface.co/',
      'https://huggingface.co/datasets/',
      'https://www.github.com/a/',
    );
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .tuple(prefixes, fc.string({ unit: 'grapheme-ascii', maxLength: 120 }))
        .map((p) => p.join('')),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
    );
    fc.assert(
      fc.property(input, (raw) => {
        const found = detect(raw);
        return found === null || ['github', 'huggingface', 'product'].includes(found.site);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays fast on huge paths', () => {
    const long = 'a-'.repeat(200_000);
    const started = performance.now();
    for (const url of [
      `https://github.com/${long}/${long}`,
      `https://github.com/a/${'a.'.repeat(200_000)}`,
      `https://huggingface.co/${long}/${long}`,
      `https://huggingface.co/datasets/a/${long}`,
      `https://${'a.'.repeat(100)}com/${long}`,
    ]) {
      expect(() => detect(url)).not.toThrow();
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
