import { describe, expect, it } from 'vitest';
import {
  feedOriginPattern,
  requestHostAccess,
  type PermissionsApi,
} from '../../../lib/ui/host-grants';

describe('feedOriginPattern', () => {
  it('is the origin of an accepted feed URL, without port, path or query', () => {
    expect(feedOriginPattern('https://feeds.example/v1/verdicts.json?x=1')).toBe(
      'https://feeds.example/*',
    );
    expect(feedOriginPattern('  https://Feeds.Example:8443/f.json ')).toBe(
      'https://feeds.example/*',
    );
    expect(feedOriginPattern('http://127.0.0.1:4321/feed.json')).toBe('http://127.0.0.1/*');
    expect(feedOriginPattern('http://localhost/feed.json')).toBe('http://localhost/*');
  });

  it('is null for what the background refuses, and for no URL', () => {
    expect(feedOriginPattern('')).toBeNull();
    expect(feedOriginPattern('http://feeds.example/f.json')).toBeNull();
    expect(feedOriginPattern('ftp://feeds.example/f.json')).toBeNull();
    expect(feedOriginPattern('not a url')).toBeNull();
    expect(feedOriginPattern('https://user:pw@feeds.example/f.json')).toBeNull();
  });
});

function fakePermissions(answer: boolean | Error) {
  const calls: { origins: string[] }[] = [];
  const api: PermissionsApi = {
    request: (p) => {
      calls.push(p);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return { api, calls };
}

describe('requestHostAccess', () => {
  it('asks synchronously, before anything is awaited (the user gesture must still be on)', async () => {
    const { api, calls } = fakePermissions(true);
    const pending = requestHostAccess(api, ['https://a.example/*', 'https://a.example/*']);
    expect(calls).toEqual([{ origins: ['https://a.example/*'] }]);
    expect(await pending).toBe('granted');
  });

  it('reports a refusal and a failure', async () => {
    expect(await requestHostAccess(fakePermissions(false).api, ['https://a.example/*'])).toBe(
      'denied',
    );
    expect(
      await requestHostAccess(fakePermissions(new Error('no gesture')).api, [
        'https://a.example/*',
      ]),
    ).toBe('failed');
    const throwing: PermissionsApi = {
      request: () => {
        throw new Error('sync throw');
      },
    };
    expect(await requestHostAccess(throwing, ['https://a.example/*'])).toBe('failed');
  });

  it('does not prompt when there is nothing to ask', async () => {
    const { api, calls } = fakePermissions(true);
    expect(await requestHostAccess(api, [])).toBe('nothing-to-ask');
    expect(calls).toEqual([]);
  });
});
