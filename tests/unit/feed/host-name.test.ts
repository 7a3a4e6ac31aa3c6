import { describe, expect, it } from 'vitest';
import { hostProblem } from '../../../lib/feed/host-name';
import { checkFeedUrl } from '../../../lib/feed/url-rules';

describe('hostProblem', () => {
  it('accepts DNS names, international names and IP addresses', () => {
    for (const url of [
      'https://example.com/feed.json',
      'https://verdicts.example.co.uk./f',
      'https://xn--bcher-kva.example/f',
      'https://bücher.example/f',
      'https://127.0.0.1/f',
      'https://[::1]/f',
      'http://localhost:8080/f',
    ])
      expect(hostProblem(new URL(url)), url).toBeNull();
  });

  it('refuses what no DNS name has: spaces (as Chromium keeps them), underscores, empty labels, edge hyphens', () => {
    // What Chromium's parser makes of "https://exa mple.com/": the space kept as %20.
    const chromium = new URL('https://example.com/');
    Object.defineProperty(chromium, 'hostname', { value: 'exa%20mple.com' });
    expect(hostProblem(chromium)).toEqual({
      message: '"exa mple.com" is not a valid host name.',
      text: { code: 'urlBadHost', params: { host: 'exa mple.com' } },
    });
    for (const url of [
      'https://exa_mple.com/f',
      'https://example..com/f',
      'https://-bad-.com/f',
      `https://${'a'.repeat(64)}.com/f`,
    ])
      expect(hostProblem(new URL(url))?.message, url).toMatch(/is not a valid host name/);
  });
});

describe('checkFeedUrl and hosts', () => {
  it('says where a URL is wrong', () => {
    expect(checkFeedUrl('https://exa mple.com/feed.json')).toEqual({
      ok: false,
      message: expect.stringMatching(/space|not a URL/),
      text: { code: expect.stringMatching(/^url(Space|NotUrl)$/), params: expect.anything() },
    });
    expect(checkFeedUrl('https://exa_mple.com/feed.json')).toEqual({
      ok: false,
      message: '"exa_mple.com" is not a valid host name.',
      text: { code: 'urlBadHost', params: { host: 'exa_mple.com' } },
    });
    expect(checkFeedUrl(' https://example.com/feed.json ')).toEqual({
      ok: true,
      url: 'https://example.com/feed.json',
    });
  });
});
