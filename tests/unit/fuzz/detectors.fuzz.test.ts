/**
 * Property tests of the URL detectors (lib/detect): any input gives a Detection or null and never
 * throws, and every generated valid GitHub / Hugging Face URL comes back as its lower-cased key,
 * the same key a feed entry for that repository (in any letter case) is indexed under.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { detect, detectors, type Detection } from '../../../lib/detect';
import { RESERVED_OWNERS } from '../../../lib/detect/github';
import {
  PROFILE_TABS,
  RESERVED_NAMES,
  REVISION_ROUTES,
  TYPED_PREFIXES,
} from '../../../lib/detect/huggingface';
import { toolMatchKeys } from '../../../lib/model/match-keys';
import { ToolMatchSchema } from '../../../lib/feed/schema';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './runs';

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

/** Each character upper- or lower-cased at random: both sites resolve names case-insensitively. */
const randomCase = (s: string): fc.Arbitrary<string> =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((flags) => [...s].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(''));

const mixedCase = (arb: fc.Arbitrary<string>) => arb.chain(randomCase);

// GitHub owners: alphanumerics, single inner dashes, an optional trailing dash, at most 39 long.
const githubOwner = mixedCase(
  fc
    .tuple(
      fc.array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 5 }),
      fc.boolean(),
    )
    .map(([parts, dash]) => parts.join('-') + (dash ? '-' : ''))
    .filter((owner) => owner.length <= 39 && !RESERVED_OWNERS.has(owner)),
);

// Repository names: letters, digits, `.`, `_`, `-`, 1 to 100 long, but not `.`/`..` (path
// segments the URL parser resolves) nor ending in `.git` (a clone URL; tested on its own below).
const githubRepo = mixedCase(
  fc
    .stringMatching(/^[a-z0-9._-]{1,100}$/)
    .filter((repo) => repo !== '.' && repo !== '..' && !repo.endsWith('.git')),
);

// Hugging Face user, org and repository names.
const hfName = mixedCase(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,95}$/));
const hfModelOrg = hfName.filter(
  (org) => !RESERVED_NAMES.has(org.toLowerCase()) && !TYPED_PREFIXES.has(org.toLowerCase()),
);
// Route-named repositories are read by their own rule (examples.ts), not the generic one here.
const hfRepoName = hfName.filter((name) => !REVISION_ROUTES.has(name.toLowerCase()));
const hfModelName = hfRepoName.filter((name) => !PROFILE_TABS.has(name.toLowerCase()));

// What may follow the repository: deeper path segments (never `.`/`..`, which would climb back
// out of the repository), a query and a fragment.
const segment = fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,20}$/);
const tail = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('', '/', '/tree/main', '/blob/main/README.md', '/issues/12', '/discussions'),
      fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`),
    ),
    fc.option(fc.webQueryParameters(), { nil: undefined }),
    fc.option(fc.webFragments(), { nil: undefined }),
  )
  .map(
    ([path, query, fragment]) =>
      `${path}${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`,
  );

const githubHost = fc.constantFrom('github.com', 'www.github.com', 'github.com.', 'GitHub.COM');
const hfHost = fc.constantFrom('huggingface.co', 'www.huggingface.co', 'huggingface.co.');

/** The shape every Detection has, whatever the input. */
function checkDetection(found: Detection, raw: string): void {
  expect(['github', 'huggingface', 'product'], raw).toContain(found.site);
  expect(found.keys.length, raw).toBeGreaterThan(0);
  for (const key of found.keys) expect(key, raw).toBe(key.toLowerCase());
  expect(typeof found.label, raw).toBe('string');
  if (found.site === 'github' || found.site === 'huggingface') {
    // A detected repository is always something a feed can name, so the lookup can succeed.
    expect(ToolMatchSchema.safeParse({ [found.site]: [found.label] }).success, raw).toBe(true);
    expect(found.keys, raw).toEqual(
      toolMatchKeys(ToolMatchSchema.parse({ [found.site]: [found.label] })),
    );
  } else {
    for (const key of found.keys) expect(key.startsWith('domain:'), raw).toBe(true);
  }
}

/** The keys a feed tool with this match entry (as written, any case) is indexed under. */
const feedKeys = (site: 'github' | 'huggingface', value: string) =>
  toolMatchKeys(ToolMatchSchema.parse({ [site]: [value] }));

describe('detect() on arbitrary input', () => {
  const prefixes = fc.constantFrom(
    '',
    'https://',
    'http://',
    'https://github.com/',
    'https://www.github.com/',
    'https://huggingface.co/',
    'https://huggingface.co/datasets/',
    'https://huggingface.co/spaces/',
    'https://cursor.com/',
  );
  const input = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.tuple(prefixes, fc.string({ unit: 'binary-ascii', maxLength: 200 })).map(([p, s]) => p + s),
    fc.webUrl({
      validSchemes: ['https', 'http', 'ftp', 'file', 'ws'],
      withQueryParameters: true,
      withFragments: true,
      authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
    }),
  );

  it('returns a well-formed Detection or null, and never throws', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const found = detect(raw);
        if (found !== null) checkDetection(found, raw);
      }),
      fuzzParams('detect(arbitrary string)'),
    );
  });

  it('gives the same answer for a string and its parsed URL, and each detector never throws', () => {
    fc.assert(
      fc.property(input, (raw) => {
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          expect(detect(raw)).toBeNull();
          return;
        }
        const first = detectors.map((d) => d.detect(url)).find((d) => d !== null) ?? null;
        expect(detect(url)).toEqual(first);
        expect(detect(raw)).toEqual(first);
      }),
      fuzzParams('detectors on parsed URLs'),
    );
  });
});

describe('GitHub URLs round-trip to github:owner/repo', () => {
  it('for any valid owner and repository, host spelling, letter case and tail', () => {
    fc.assert(
      fc.property(githubHost, githubOwner, githubRepo, tail, (host, owner, repo, rest) => {
        const url = `https://${host}/${owner}/${repo}${rest}`;
        const label = `${owner}/${repo}`.toLowerCase();
        expect(detect(url), url).toEqual({ site: 'github', keys: [`github:${label}`], label });
        expect(feedKeys('github', `${owner}/${repo}`)).toEqual([`github:${label}`]);
      }),
      fuzzParams('github round-trip'),
    );
  });

  it('for clone URLs ending in .git', () => {
    fc.assert(
      fc.property(githubOwner, githubRepo, fc.constantFrom('', '/'), (owner, repo, slash) => {
        const label = `${owner}/${repo}`.toLowerCase();
        expect(detect(`https://github.com/${owner}/${repo}.git${slash}`)?.keys).toEqual([
          `github:${label}`,
        ]);
      }),
      fuzzParams('github .git round-trip'),
    );
  });

  it('but not for an owner alone, a reserved first segment, http: or a port', () => {
    const reserved = mixedCase(fc.constantFrom(...RESERVED_OWNERS));
    fc.assert(
      fc.property(githubOwner, githubRepo, reserved, tail, (owner, repo, taken, rest) => {
        for (const url of [
          `https://github.com/${owner}`,
          `https://github.com/${owner}/`,
          `https://github.com/${owner}?tab=repositories`,
          `https://github.com/${taken}/${repo}${rest}`,
          `http://github.com/${owner}/${repo}${rest}`,
          `https://github.com:8443/${owner}/${repo}${rest}`,
        ]) {
          expect(detect(url), url).toBeNull();
        }
      }),
      fuzzParams('github non-repository pages'),
    );
  });
});

describe('Hugging Face URLs round-trip to hf:[datasets/|spaces/]org/name', () => {
  it('for models', () => {
    fc.assert(
      fc.property(hfHost, hfModelOrg, hfModelName, tail, (host, org, name, rest) => {
        const url = `https://${host}/${org}/${name}${rest}`;
        const label = `${org}/${name}`.toLowerCase();
        expect(detect(url), url).toEqual({ site: 'huggingface', keys: [`hf:${label}`], label });
        expect(feedKeys('huggingface', `${org}/${name}`)).toEqual([`hf:${label}`]);
      }),
      fuzzParams('huggingface model round-trip'),
    );
  });

  it('for datasets and spaces', () => {
    fc.assert(
      fc.property(
        hfHost,
        fc.constantFrom('datasets', 'spaces'),
        hfName,
        hfRepoName,
        tail,
        (host, kind, org, name, rest) => {
          const url = `https://${host}/${kind}/${org}/${name}${rest}`;
          const label = `${kind}/${org}/${name}`.toLowerCase();
          expect(detect(url), url).toEqual({ site: 'huggingface', keys: [`hf:${label}`], label });
          expect(feedKeys('huggingface', `${kind}/${org}/${name}`)).toEqual([`hf:${label}`]);
        },
      ),
      fuzzParams('huggingface dataset/space round-trip'),
    );
  });

  it('but not for a user alone, a reserved first segment, http: or a port', () => {
    const reserved = mixedCase(fc.constantFrom(...RESERVED_NAMES));
    fc.assert(
      fc.property(
        hfModelOrg,
        hfModelName,
        reserved,
        fc.constantFrom('', 'datasets/', 'spaces/'),
        (org, name, taken, kind) => {
          for (const url of [
            `https://huggingface.co/${kind}${org}`,
            `https://huggingface.co/${kind}${org}/`,
            `https://huggingface.co/${taken}/${name}`,
            `http://huggingface.co/${kind}${org}/${name}`,
            `https://huggingface.co:8443/${kind}${org}/${name}`,
          ]) {
            expect(detect(url), url).toBeNull();
          }
        },
      ),
      fuzzParams('huggingface non-repository pages'),
    );
  });
});
