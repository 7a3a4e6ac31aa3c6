import { describe, expect, it } from 'vitest';
import { handleMessage, type HandlerMaps } from '../../../lib/background/dispatch';
import type { Request } from '../../../lib/messaging/protocol';
import { CONTENT_REQUEST_TYPES, PAGE_REQUEST_TYPES } from '../../../lib/messaging/request-schema';
import type { PolicyContext, SenderInfo } from '../../../lib/messaging/sender-policy';
import { TextError } from '../../../lib/model/worker-text';

const EXTENSION_ID = 'synthetic-extension-id';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const POLICY: PolicyContext = {
  extensionId: EXTENSION_ID,
  extensionOrigin: ORIGIN,
  isServedHost: (host) => host === 'github.com',
};
const PAGE: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}options.html` };
const CONTENT: SenderInfo = {
  id: EXTENSION_ID,
  url: 'https://github.com/a/b',
  frameId: 0,
  tab: { id: 1 },
};

/**
 * Handler maps for every request type of each list (read from the schemas, so types added later
 * are covered) that record what they were called with and answer through `impl`.
 */
function recordingHandlers(impl: (req: Request) => unknown = (req) => ({ echo: req })) {
  const calls: Request[] = [];
  // Not async: a handler that throws synchronously must be caught too.
  const record = (req: Request) => {
    calls.push(req);
    return impl(req);
  };
  const map = (types: readonly string[]) => Object.fromEntries(types.map((t) => [t, record]));
  const handlers = {
    content: map(CONTENT_REQUEST_TYPES),
    page: map(PAGE_REQUEST_TYPES),
  } as unknown as HandlerMaps;
  return { handlers, calls };
}

/** Runs handleMessage, failing the test if it throws or rejects instead of replying. */
async function reply(
  message: unknown,
  sender: SenderInfo = PAGE,
  impl?: (req: Request) => unknown,
) {
  const { handlers, calls } = recordingHandlers(impl);
  const pending = handleMessage(message, sender, POLICY, handlers);
  await expect(pending).resolves.toBeDefined();
  return { result: await pending, calls };
}

/** A valid message of every type. */
const SAMPLES: Record<Request['type'], Request> = {
  ping: { type: 'ping' },
  lookupPage: { type: 'lookupPage', url: 'https://github.com/a/b' },
  lookupNewResults: {
    type: 'lookupNewResults',
    pageUrl: 'https://github.com/trending',
    urls: ['https://github.com/a/b'],
  },
  lookupLinks: {
    type: 'lookupLinks',
    pageUrl: 'https://github.com/trending',
    urls: ['https://github.com/a/b'],
  },
  loadPopoverUi: { type: 'loadPopoverUi' },
  getToolAnswer: { type: 'getToolAnswer', toolId: 'synthetic-tool' },
  hideSite: { type: 'hideSite' },
  showSite: { type: 'showSite' },
  getFollowedReviewers: { type: 'getFollowedReviewers' },
  openCompare: { type: 'openCompare', a: 'synthetic-a', b: 'synthetic-b' },
  getStatus: { type: 'getStatus' },
  syncNow: { type: 'syncNow' },
  resetToBundled: { type: 'resetToBundled' },
  setFeedUrl: { type: 'setFeedUrl', url: 'https://feeds.example/feed.json' },
  getProductSites: { type: 'getProductSites' },
  getCoverage: { type: 'getCoverage' },
  searchVerdicts: { type: 'searchVerdicts', query: 'synthetic' },
  getVerdictAnswer: { type: 'getVerdictAnswer', verdictId: 'synthetic-verdict' },
  browseVerdicts: { type: 'browseVerdicts', query: '', sort: 'name', offset: 0, limit: 50 },
};

const cyclic = (): unknown => {
  const o: Record<string, unknown> = { type: 'ping' };
  o.self = o;
  return o;
};

describe('handleMessage', () => {
  it('dispatches a valid request and wraps the answer', async () => {
    const { result, calls } = await reply(
      { type: 'lookupPage', url: 'https://github.com/a/b' },
      CONTENT,
    );
    expect(calls).toEqual([{ type: 'lookupPage', url: 'https://github.com/a/b' }]);
    expect(result).toEqual({ ok: true, data: { echo: calls[0] } });
  });

  it('has a sample of every message type in the schemas', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(
      [...CONTENT_REQUEST_TYPES, ...PAGE_REQUEST_TYPES].sort(),
    );
  });

  it.each(CONTENT_REQUEST_TYPES)('lets content scripts and pages send %s', async (type) => {
    for (const sender of [CONTENT, PAGE]) {
      const { result, calls } = await reply(SAMPLES[type], sender);
      expect(result).toEqual({ ok: true, data: { echo: SAMPLES[type] } });
      expect(calls).toEqual([SAMPLES[type]]);
    }
  });

  it.each(PAGE_REQUEST_TYPES)('lets extension pages send %s', async (type) => {
    const { result } = await reply(SAMPLES[type], PAGE);
    expect(result).toEqual({ ok: true, data: { echo: SAMPLES[type] } });
  });

  it('tells the handler who the sender policy found the sender to be', async () => {
    const kinds: unknown[] = [];
    const handlers = {
      content: { lookupPage: async (_r: unknown, _s: unknown, from: unknown) => kinds.push(from) },
      page: {},
    } as unknown as HandlerMaps;
    for (const sender of [CONTENT, PAGE])
      await handleMessage(SAMPLES.lookupPage, sender, POLICY, handlers);
    expect(kinds).toEqual(['content', 'page']);
  });

  it('passes the parsed request on, without extra fields', async () => {
    const { calls } = await reply({ type: 'ping', extra: 'synthetic' });
    expect(calls).toEqual([{ type: 'ping' }]);
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /malformed/],
    ['undefined', undefined, /malformed/],
    ['a string', 'lookup', /malformed/],
    ['a number', 42, /malformed/],
    ['an array', [{ type: 'ping' }], /malformed/],
    ['an empty object', {}, /malformed/],
    ['an unknown type', { type: 'nope' }, /malformed/],
    ['a lookup without url', { type: 'lookupPage' }, /malformed/],
    ['a lookup whose url is not a string', { type: 'lookupPage', url: 42 }, /malformed/],
    [
      'a lookup with a url over the schema limit',
      { type: 'lookupPage', url: `https://github.com/${'a'.repeat(5000)}` },
      /malformed/,
    ],
    [
      'a tool request with a non-slug id',
      { type: 'getToolAnswer', toolId: 'Not A Slug' },
      /malformed/,
    ],
    [
      'a message over 16 KB',
      { type: 'lookupPage', url: `https://github.com/${'a'.repeat(20_000)}` },
      /too large/,
    ],
    ['a valid type padded over 16 KB', { type: 'ping', pad: 'x'.repeat(17_000) }, /too large/],
    ['a message with a cycle', cyclic(), /not JSON/],
    ['a message with a BigInt', { type: 'ping', n: 10n }, /not JSON/],
  ])('answers bad-request for %s without calling a handler', async (_name, message, text) => {
    const { result, calls } = await reply(message);
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(text) },
    });
    expect(calls).toEqual([]);
  });

  it('accepts a message just under the size limit', async () => {
    const { result } = await reply({ type: 'ping', pad: 'x'.repeat(16_000) });
    expect(result.ok).toBe(true);
  });

  it.each(PAGE_REQUEST_TYPES)('answers forbidden when a content script sends %s', async (type) => {
    const { result, calls } = await reply(SAMPLES[type], CONTENT);
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: `${type} is for extension pages` },
    });
    expect(calls).toEqual([]);
  });

  it.each<[string, SenderInfo]>([
    [
      'a foreign extension',
      { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' },
    ],
    ['an unserved site', { ...CONTENT, url: 'https://evil.example/' }],
    ['a sub-frame', { ...CONTENT, frameId: 3 }],
  ])('answers forbidden for a lookup from %s', async (_name, sender) => {
    const { result, calls } = await reply(
      { type: 'lookupPage', url: 'https://github.com/a/b' },
      sender,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it.each<[string, () => unknown, string]>([
    [
      'rejects with an Error',
      () => Promise.reject(new Error('synthetic failure')),
      'synthetic failure',
    ],
    [
      'throws synchronously',
      () => {
        throw new Error('synthetic sync failure');
      },
      'synthetic sync failure',
    ],
    ['rejects with a non-Error', () => Promise.reject('synthetic string'), 'synthetic string'],
  ])('answers internal when the handler %s', async (_name, impl, message) => {
    const { result, calls } = await reply({ type: 'getStatus' }, PAGE, impl);
    expect(calls).toHaveLength(1);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message } });
  });

  it('passes on a refusal’s text, for the page to say in its own language', async () => {
    const text = { code: 'urlEmpty', params: {} } as const;
    const impl = () => Promise.reject(new TextError('Enter a feed URL.', text));
    const { result } = await reply({ type: 'setFeedUrl', url: ' ' }, PAGE, impl);
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-url', message: 'Enter a feed URL.', text },
    });
  });
});
