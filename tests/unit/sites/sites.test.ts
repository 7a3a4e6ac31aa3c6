import { describe, expect, it } from 'vitest';
import { BUILT_IN_MATCHES, builtInSiteOf, isCodeHostingHost } from '../../../lib/sites/built-in';
import { isHiddenHost, normalizeHost } from '../../../lib/sites/hidden-hosts';
import { hostCovered, missingPatterns, originPatterns } from '../../../lib/sites/product-patterns';

describe('built-in sites', () => {
  it('are the manifest matches', () => {
    expect(BUILT_IN_MATCHES).toEqual(['https://github.com/*', 'https://huggingface.co/*']);
  });

  it.each([
    ['github.com', 'github'],
    ['WWW.GitHub.com', 'github'],
    ['github.com.', 'github'],
    ['huggingface.co', 'huggingface'],
    ['gist.github.com', null],
    ['github.com.evil.example', null],
    ['hf.co', null],
  ])('%s is %s', (host, site) => {
    expect(builtInSiteOf(host)).toBe(site);
  });

  it('know the code-hosting domains and their subdomains', () => {
    for (const host of ['github.com', 'gist.github.com', 'raw.githubusercontent.com', 'x.hf.space'])
      expect(isCodeHostingHost(host)).toBe(true);
    expect(isCodeHostingHost('cursor.com')).toBe(false);
    expect(isCodeHostingHost('notgithub.com')).toBe(false);
  });
});

describe('hidden hosts', () => {
  it('treat www. and a trailing dot as the same site', () => {
    expect(normalizeHost('WWW.GitHub.com.')).toBe('github.com');
    expect(isHiddenHost('www.github.com', ['github.com'])).toBe(true);
    expect(isHiddenHost('gist.github.com', ['github.com'])).toBe(false);
  });
});

describe('product patterns', () => {
  it('cover a domain and its subdomains, sorted and without duplicates', () => {
    expect(originPatterns(['cursor.com', 'Cursor.com'])).toEqual([
      'https://*.cursor.com/*',
      'https://cursor.com/*',
    ]);
  });

  it('say whether a host is covered', () => {
    const patterns = originPatterns(['cursor.com']);
    expect(hostCovered('docs.cursor.com', patterns)).toBe(true);
    expect(hostCovered('cursor.com', patterns)).toBe(true);
    expect(hostCovered('notcursor.com', patterns)).toBe(false);
    expect(hostCovered('cursor.com', ['https://cursor.com/*'])).toBe(true);
    expect(hostCovered('docs.cursor.com', ['https://cursor.com/*'])).toBe(false);
  });

  it('list what is not granted yet', () => {
    expect(missingPatterns(['cursor.com'], ['https://cursor.com/*'])).toEqual([
      'https://*.cursor.com/*',
    ]);
  });
});
