import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_REQUESTS } from '../../../lib/messaging/protocol';
import { RequestSchema } from '../../../lib/messaging/request-schema';
import { checkSender } from '../../../lib/messaging/sender-policy';

const POLICY = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  isServedHost: (host: string) => host === 'github.com',
};

describe('search and verdict requests', () => {
  it('accept a query with an optional limit up to 50, and a verdict slug', () => {
    expect(RequestSchema.safeParse({ type: 'search', query: 'cur' }).success).toBe(true);
    expect(RequestSchema.safeParse({ type: 'search', query: '', limit: 50 }).success).toBe(true);
    expect(RequestSchema.safeParse({ type: 'verdict', verdictId: 'cursor-v0-50' }).success).toBe(
      true,
    );
  });

  it('refuse malformed ones', () => {
    expect(RequestSchema.safeParse({ type: 'search', query: 'a', limit: 51 }).success).toBe(false);
    expect(RequestSchema.safeParse({ type: 'search', query: 'a', limit: 0 }).success).toBe(false);
    expect(RequestSchema.safeParse({ type: 'search', query: 'a', limit: 2.5 }).success).toBe(false);
    expect(RequestSchema.safeParse({ type: 'search', query: 'x'.repeat(201) }).success).toBe(false);
    expect(RequestSchema.safeParse({ type: 'search' }).success).toBe(false);
    expect(RequestSchema.safeParse({ type: 'verdict', verdictId: '../Cursor' }).success).toBe(
      false,
    );
  });

  it('are for extension pages only', () => {
    expect(CONTENT_SCRIPT_REQUESTS.has('search')).toBe(false);
    expect(CONTENT_SCRIPT_REQUESTS.has('verdict')).toBe(false);
    const contentScript = { id: 'ext', url: 'https://github.com/a/b', frameId: 0, tab: { id: 1 } };
    expect(checkSender('search', contentScript, POLICY).allowed).toBe(false);
    expect(checkSender('verdict', contentScript, POLICY).allowed).toBe(false);
    const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
    expect(checkSender('search', popup, POLICY).allowed).toBe(true);
    expect(checkSender('verdict', popup, POLICY).allowed).toBe(true);
  });
});
