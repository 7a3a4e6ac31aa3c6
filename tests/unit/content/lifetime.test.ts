/**
 * The detection script's own lifetime and location watcher (lib/content/lifetime.ts,
 * location.ts), which stand in for WXT's ContentScriptContext: a newer copy stops the older one,
 * a dead runtime stops the script, and committed navigations are reported once each with their URL.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startLifetime } from '../../../lib/content/lifetime';
import { watchLocation } from '../../../lib/content/location';

const g = globalThis as unknown as Record<string, unknown>;

beforeEach(() => {
  g.document = new EventTarget();
  g.location = { href: 'https://github.com/a/b' };
});

afterEach(() => {
  delete g.document;
  delete g.location;
  delete g.navigation;
  vi.useRealTimers();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('startLifetime', () => {
  it('stops an older copy whose extension is gone when a newer one starts', () => {
    const older = startLifetime('lens');
    const event = `${fakeBrowser.runtime.id}:lens:started`;
    // The newer copy runs in a new world with a live runtime; the older one's is dead by then.
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    document.dispatchEvent(new CustomEvent(event));
    expect(older.signal.aborted).toBe(true);
  });

  it('ignores the event while its own extension is alive: a page cannot switch the lens off', () => {
    const life = startLifetime('lens');
    document.dispatchEvent(new CustomEvent(`${fakeBrowser.runtime.id}:lens:started`));
    startLifetime('lens');
    startLifetime('other-script');
    expect(life.signal.aborted).toBe(false);
    expect(life.alive()).toBe(true);
  });

  it('stops when the extension is gone (no runtime id after a reload or update)', () => {
    const life = startLifetime('lens');
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(life.alive()).toBe(false);
    expect(life.signal.aborted).toBe(true);
  });
});

describe('watchLocation', () => {
  it('reports each committed URL (currententrychange), once each, until aborted', () => {
    const navigation = new EventTarget();
    g.navigation = navigation;
    const loc = g.location as { href: string };
    const commit = (url: string) => {
      loc.href = url;
      navigation.dispatchEvent(new Event('currententrychange'));
    };
    const controller = new AbortController();
    const seen: string[] = [];
    watchLocation(controller.signal, (url) => seen.push(url));
    commit('https://github.com/a/b');
    commit('https://github.com/c/d');
    commit('https://github.com/c/d');
    commit('https://github.com/a/b');
    controller.abort();
    commit('https://github.com/e/f');
    expect(seen).toEqual(['https://github.com/c/d', 'https://github.com/a/b']);
  });

  it('ignores navigate events: a page may still cancel those', () => {
    const navigation = new EventTarget();
    g.navigation = navigation;
    const seen: string[] = [];
    watchLocation(new AbortController().signal, (url) => seen.push(url));
    navigation.dispatchEvent(
      Object.assign(new Event('navigate'), { destination: { url: 'https://github.com/x/y' } }),
    );
    expect(seen).toEqual([]);
  });

  it('polls location once a second without the Navigation API', () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const seen: string[] = [];
    watchLocation(controller.signal, (url) => seen.push(url));
    vi.advanceTimersByTime(1000);
    (g.location as { href: string }).href = 'https://github.com/c/d';
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(1000);
    controller.abort();
    (g.location as { href: string }).href = 'https://github.com/e/f';
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['https://github.com/c/d']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
