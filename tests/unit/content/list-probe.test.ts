/**
 * The list probe the worker runs in list pages (lib/content/list-probe.ts): the hrefs it returns,
 * and the watcher it leaves, which reports only hrefs the page adds later, and stops once the
 * list script runs.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { probeListLinks } from '../../../lib/content/list-probe';
import { PAGE_GLOBALS } from '../../../lib/content/page-globals';
import { RESULT_HREF } from '../../../lib/content/result-links';

const g = globalThis as unknown as Record<string, unknown>;
const NAMES = {
  watcher: PAGE_GLOBALS.listWatcher,
  lists: PAGE_GLOBALS.lists,
  message: 'lookupNewResults',
  max: 200,
};
const PAGE = 'https://github.com/search?q=ml&type=repositories';
const HTML = `<html><body>
  <nav><h2><a href="/settings/profile">Settings</a></h2></nav>
  <div data-testid="results-list">
    <div><h3><a href="/huggingface/ml-intern">huggingface/ml-intern</a></h3></div>
    <div><h3><a href="https://github.com/openai/whisper">openai/whisper</a></h3></div>
    <div><h3><a href="#readme">readme</a> <a href="/solo">solo</a></h3></div>
    <div><a href="/not/in-a-heading">loose</a></div>
  </div></body></html>`;

let sent: { type: string; pageUrl: string; urls: string[] }[];
const probe = () => probeListLinks('h2 a[href], h3 a[href]', RESULT_HREF.source, NAMES);
const frame = () => new Promise((resolve) => setTimeout(resolve, 5));

// The test setup's fake `browser` global stands aside: the probe uses whichever the page has.
let realBrowser: unknown;

beforeEach(() => {
  const { document, MutationObserver } = parseHTML(HTML);
  // linkedom has no document.URL; the browser's is the page's address, as location.href is.
  Object.defineProperty(document, 'URL', { get: () => (g.location as Location).href });
  sent = [];
  realBrowser = g.browser;
  delete g.browser;
  Object.assign(g, {
    document,
    MutationObserver,
    location: { href: PAGE },
    requestAnimationFrame: (fn: () => void) => setTimeout(fn, 0),
    chrome: {
      runtime: {
        id: 'synthetic-extension',
        sendMessage: vi.fn(async (m: (typeof sent)[number]) => void sent.push(m)),
      },
    },
  });
});

afterEach(() => {
  g.browser = realBrowser;
  for (const key of [
    'document',
    'MutationObserver',
    'location',
    'requestAnimationFrame',
    'chrome',
    PAGE_GLOBALS.listWatcher,
    PAGE_GLOBALS.lists,
  ])
    delete g[key];
});

const addResult = (href: string) => {
  const doc = g.document as Document;
  const row = doc.createElement('div');
  const heading = doc.createElement('h3');
  const link = doc.createElement('a');
  link.setAttribute('href', href);
  link.textContent = href.slice(1);
  heading.append(link);
  row.append(heading);
  doc.querySelector('[data-testid="results-list"]')!.append(row);
};

describe('probeListLinks', () => {
  it('returns the hrefs of links in headings, unchecked, and sends nothing', async () => {
    const found = await probe();
    expect(found).toEqual({
      page: PAGE,
      base: PAGE,
      hrefs: [
        '/settings/profile',
        '/huggingface/ml-intern',
        'https://github.com/openai/whisper',
        '#readme',
        '/solo',
      ],
    });
    expect(sent).toEqual([]);
  });

  it('answers at once on a parsed page, with no promise to wait for', () => {
    expect(probe()).not.toBeInstanceOf(Promise);
  });

  it('on a page still loading, scans inside its DOMContentLoaded listener', async () => {
    const doc = g.document as Document;
    let state = 'loading';
    Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
    const answer = probe();
    expect(answer).toBeInstanceOf(Promise);
    expect(g[PAGE_GLOBALS.listWatcher]).toBeUndefined();
    state = 'interactive';
    doc.dispatchEvent(
      new (doc.defaultView as unknown as typeof globalThis).Event('DOMContentLoaded'),
    );
    // Within the listener's own call, not a microtask after it: the page's ScriptDuration counts
    // a listener's run, and not the continuation of a promise it resolves (docs/benchmarks.md).
    expect(typeof g[PAGE_GLOBALS.listWatcher]).toBe('function');
    expect((await answer)?.hrefs).toHaveLength(5);
  });

  it('answers null where the list script runs already', async () => {
    g[PAGE_GLOBALS.lists] = () => true;
    expect(await probe()).toBeNull();
  });

  it('leaves one watcher that reports only the results added later, once each', async () => {
    await probe();
    await probe();
    addResult('/huggingface/ml-intern');
    addResult('/synthetic-org/added-later');
    await frame();
    expect(sent).toEqual([
      { type: 'lookupNewResults', pageUrl: PAGE, urls: ['/synthetic-org/added-later'] },
    ]);
    addResult('/synthetic-org/added-later');
    await frame();
    expect(sent).toHaveLength(1);
  });

  it('stops watching once the list script runs', async () => {
    await probe();
    g[PAGE_GLOBALS.lists] = () => true;
    addResult('/synthetic-org/added-later');
    await frame();
    addResult('/synthetic-org/added-after-that');
    await frame();
    expect(sent).toEqual([]);
  });
});
