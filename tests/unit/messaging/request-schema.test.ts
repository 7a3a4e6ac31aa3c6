import { describe, expect, it } from 'vitest';
import {
  CONTENT_REQUEST_TYPES,
  ContentRequestSchema,
  PAGE_REQUEST_TYPES,
  PageRequestSchema,
  RequestSchema,
} from '../../../lib/messaging/request-schema';

describe('search and verdict requests', () => {
  it('accept a query with an optional limit up to 50, and a verdict slug', () => {
    expect(RequestSchema.safeParse({ type: 'searchVerdicts', query: 'cur' }).success).toBe(true);
    expect(RequestSchema.safeParse({ type: 'searchVerdicts', query: '', limit: 50 }).success).toBe(
      true,
    );
    expect(
      RequestSchema.safeParse({ type: 'getVerdictAnswer', verdictId: 'cursor-v0-50' }).success,
    ).toBe(true);
  });

  it('refuse malformed ones', () => {
    expect(RequestSchema.safeParse({ type: 'searchVerdicts', query: 'a', limit: 51 }).success).toBe(
      false,
    );
    expect(RequestSchema.safeParse({ type: 'searchVerdicts', query: 'a', limit: 0 }).success).toBe(
      false,
    );
    expect(
      RequestSchema.safeParse({ type: 'searchVerdicts', query: 'a', limit: 2.5 }).success,
    ).toBe(false);
    expect(
      RequestSchema.safeParse({ type: 'searchVerdicts', query: 'x'.repeat(201) }).success,
    ).toBe(false);
    expect(RequestSchema.safeParse({ type: 'searchVerdicts' }).success).toBe(false);
    expect(
      RequestSchema.safeParse({ type: 'getVerdictAnswer', verdictId: '../Cursor' }).success,
    ).toBe(false);
  });

  it('are for extension pages only', () => {
    expect(PageRequestSchema.safeParse({ type: 'searchVerdicts', query: 'cur' }).success).toBe(
      true,
    );
    expect(ContentRequestSchema.safeParse({ type: 'searchVerdicts', query: 'cur' }).success).toBe(
      false,
    );
    expect(
      ContentRequestSchema.safeParse({ type: 'getVerdictAnswer', verdictId: 'x' }).success,
    ).toBe(false);
  });
});

describe('the two lists', () => {
  it('let content scripts look up and open verdicts, and keep settings and sync for pages', () => {
    expect(CONTENT_REQUEST_TYPES).toEqual(
      expect.arrayContaining(['ping', 'lookupPage', 'loadPopoverUi', 'getToolAnswer']),
    );
    expect(PAGE_REQUEST_TYPES).toEqual(
      expect.arrayContaining(['syncNow', 'resetToBundled', 'setFeedUrl', 'getStatus']),
    );
  });

  it('share no message type', () => {
    expect(
      CONTENT_REQUEST_TYPES.filter((t) => (PAGE_REQUEST_TYPES as string[]).includes(t)),
    ).toEqual([]);
  });

  it('name every message verb-first', () => {
    for (const type of [...CONTENT_REQUEST_TYPES, ...PAGE_REQUEST_TYPES]) {
      expect(type).toMatch(
        /^(ping|lookup|load|get|hide|open|sync|reset|set|search|browse|show)[A-Z]?/,
      );
    }
  });
});
