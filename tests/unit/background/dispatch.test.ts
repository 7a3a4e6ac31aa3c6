import { describe, expect, it } from 'vitest';
import { handleMessage, type Handlers } from '../../../lib/background/dispatch';
import type { Request } from '../../../lib/messaging/protocol';
import type { PolicyContext, SenderInfo } from '../../../lib/messaging/sender-policy';

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
 * Handlers for every request type (a Proxy, so types added later are covered) that record what
 * they were called with and answer through `impl`.
 */
function recordingHandlers(impl: (req: Request) => unknown = (req) => ({ echo: req })) {
  const calls: Request[] = [];
  const handlers = new Proxy({} as Handlers, {
    // Not async: a handler that throws synchronously must be caught too.
    get: () => (req: Request) => {
      calls.push(req);
      return impl(req);
    },
  });
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

const cyclic = (): unknown => {
  const o: Record<string, unknown> = { type: 'ping' };
  o.self = o;
  return o;
};

describe('handleMessage', () => {
  it('dispatches a valid request and wraps the answer', async () => {
    const { result, calls } = await reply(
      { type: 'lookup', url: 'https://github.com/a/b' },
      CONTENT,
    );
    expect(calls).toEqual([{ type: 'lookup', url: 'https://github.com/a/b' }]);
    expect(result).toEqual({ ok: true, data: { echo: calls[0] } });
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
    ['a lookup without url', { type: 'lookup' }, /malformed/],
    ['a lookup whose url is not a string', { type: 'lookup', url: 42 }, /malformed/],
    [
      'a lookup with a url over the schema limit',
      { type: 'lookup', url: `https://github.com/${'a'.repeat(5000)}` },
      /malformed/,
    ],
    ['a tool request with a non-slug id', { type: 'tool', toolId: 'Not A Slug' }, /malformed/],
    [
      'a message over 16 KB',
      { type: 'lookup', url: `https://github.com/${'a'.repeat(20_000)}` },
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

  it.each(['syncNow', 'reset', 'status'] as const)(
    'answers forbidden when a content script sends %s',
    async (type) => {
      const { result, calls } = await reply({ type }, CONTENT);
      expect(result).toEqual({
        ok: false,
        error: { code: 'forbidden', message: `${type} is for extension pages` },
      });
      expect(calls).toEqual([]);
    },
  );

  it.each<[string, SenderInfo]>([
    [
      'a foreign extension',
      { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' },
    ],
    ['an unserved site', { ...CONTENT, url: 'https://evil.example/' }],
    ['a sub-frame', { ...CONTENT, frameId: 3 }],
  ])('answers forbidden for a lookup from %s', async (_name, sender) => {
    const { result, calls } = await reply(
      { type: 'lookup', url: 'https://github.com/a/b' },
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
    const { result, calls } = await reply({ type: 'status' }, PAGE, impl);
    expect(calls).toHaveLength(1);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message } });
  });
});
