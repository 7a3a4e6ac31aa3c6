import { afterEach, describe, expect, it } from 'vitest';
import { claimPage, PAGE_GLOBALS, takeFirstAnswer } from '../../../lib/content/page-globals';

const NAME = '__verdictLensSyntheticClaim';
const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => delete g[NAME]);

describe('claimPage', () => {
  it('lets the first copy in a document run, and no later one while it is alive', () => {
    expect(claimPage(NAME, () => true)).toBe(true);
    expect(claimPage(NAME, () => true)).toBe(false);
  });

  it('replaces a copy whose extension is gone (reloaded or updated)', () => {
    let alive = true;
    expect(claimPage(NAME, () => alive)).toBe(true);
    alive = false;
    expect(claimPage(NAME, () => true)).toBe(true);
    expect(claimPage(NAME, () => true)).toBe(false);
  });

  it('is not fooled by a page value under the same name', () => {
    g[NAME] = true;
    expect(claimPage(NAME, () => true)).toBe(true);
  });
});

describe('takeFirstAnswer', () => {
  const KEY = PAGE_GLOBALS.firstAnswer;
  afterEach(() => delete g[KEY]);

  it('hands over the worker’s answer for its URL once, and nothing for another URL', () => {
    g[KEY] = { url: 'https://github.com/a/b', answer: { found: false } };
    expect(takeFirstAnswer('https://github.com/a/b')).toEqual({ found: false });
    expect(takeFirstAnswer('https://github.com/a/b')).toBeNull();
    g[KEY] = { url: 'https://github.com/a/b', answer: { found: false } };
    expect(takeFirstAnswer('https://github.com/c/d')).toBeNull();
    expect(g[KEY]).toBeUndefined();
  });
});

describe('takeFirstAnswer under another name (the list script’s badges)', () => {
  afterEach(() => delete g[PAGE_GLOBALS.firstLinks]);

  it('keeps the lens’s and the list script’s answers apart', () => {
    const left = { asked: ['https://github.com/a/b'], rated: {} };
    g[PAGE_GLOBALS.firstLinks] = { url: 'https://github.com/trending', answer: left };
    expect(takeFirstAnswer('https://github.com/trending')).toBeNull();
    expect(takeFirstAnswer('https://github.com/trending', PAGE_GLOBALS.firstLinks)).toEqual(left);
  });
});
