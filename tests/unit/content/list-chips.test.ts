import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batches, createListChips } from '../../../lib/content/list-chips';
import type { BadgeUi } from '../../../lib/content/badge-controller';
import type { LinksResult } from '../../../lib/messaging/protocol';
import type { BadgeSummary } from '../../../lib/model/answers';

const LIST = 'https://github.com/search?q=ml&type=repositories';
const BADGE: BadgeSummary = {
  toolId: 'synthetic-tool',
  toolName: 'Synthetic Tool',
  verdictId: 'synthetic-verdict',
  panelShip: 75,
};

const row = (path: string) =>
  `<div class="row"><h3><a href="${path}">${path.slice(1)}</a></h3></div>`;

function page(paths: string[]) {
  const { document, window } = parseHTML(
    `<!doctype html><html><head><base href="${LIST}"></head><body><main>${paths.map(row).join('')}</main></body></html>`,
  );
  vi.stubGlobal('MutationObserver', (window as unknown as typeof globalThis).MutationObserver);
  return document as unknown as Document;
}

/** A lookup the test answers by hand, in any order. */
function manualLookups() {
  const calls: { urls: string[]; answer: (rated: string[]) => void }[] = [];
  const lookupLinks = (_page: string, urls: string[]) =>
    new Promise<LinksResult | null>((resolve) => {
      calls.push({
        urls,
        answer: (rated) =>
          resolve({ badges: urls.map((u) => (rated.some((r) => u.endsWith(r)) ? BADGE : null)) }),
      });
    });
  return { calls, lookupLinks };
}

function chipsOf(doc: Document): string[] {
  return [...doc.querySelectorAll('verdict-lens-badge')].map(
    (c) => c.previousElementSibling?.getAttribute('href') ?? '(loose)',
  );
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  // The chips rescan once per frame; a frame here is a macrotask.
  vi.stubGlobal(
    'requestAnimationFrame',
    (cb: () => void) => setTimeout(cb, 0) as unknown as number,
  );
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});
afterEach(() => vi.unstubAllGlobals());

function setup(doc: Document) {
  const { calls, lookupLinks } = manualLookups();
  const controller = new AbortController();
  const createUi = async (): Promise<BadgeUi> => {
    const host = doc.createElement('verdict-lens-badge');
    return { host, render: () => undefined, remove: () => host.remove() };
  };
  const chips = createListChips({ signal: controller.signal, doc, lookupLinks, createUi });
  return { calls, chips, stop: () => controller.abort() };
}

describe('batches', () => {
  it('splits by count (200) and by characters, never leaving a batch empty', () => {
    const short = Array.from({ length: 450 }, (_, i) => `https://github.com/o/r${i}`);
    expect(batches(short).map((b) => b.length)).toEqual([200, 200, 50]);
    const long = Array.from(
      { length: 10 },
      (_, i) => `https://github.com/o/${'x'.repeat(3000)}${i}`,
    );
    const split = batches(long);
    expect(split.flat()).toEqual(long);
    for (const b of split) expect(b.join('').length).toBeLessThanOrEqual(12_000);
    expect(batches([])).toEqual([]);
  });
});

describe('list chips', () => {
  it('asks once for the whole page and chips only the rated results', async () => {
    const doc = page(['/huggingface/ml-intern', '/openai/whisper', '/owner/other']);
    const { calls, chips } = setup(doc);
    chips.route(LIST);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.urls).toHaveLength(3);
    calls[0]!.answer(['/huggingface/ml-intern']);
    await flush();
    expect(chipsOf(doc)).toEqual(['/huggingface/ml-intern']);
  });

  it('asks about appended results in one more message, and never again about known ones', async () => {
    const doc = page(['/huggingface/ml-intern']);
    const { calls, chips } = setup(doc);
    chips.route(LIST);
    calls[0]!.answer(['/huggingface/ml-intern']);
    await flush();
    const main = doc.querySelector('main')!;
    for (const path of ['/a/one', '/a/two', '/huggingface/ml-intern']) {
      const h3 = doc.createElement('h3');
      const a = doc.createElement('a');
      a.setAttribute('href', path);
      a.textContent = path.slice(1);
      h3.append(a);
      main.append(h3);
    }
    await flush();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.urls.map((u) => new URL(u).pathname)).toEqual(['/a/one', '/a/two']);
    calls[1]!.answer([]);
    await flush();
    expect(chipsOf(doc)).toEqual(['/huggingface/ml-intern', '/huggingface/ml-intern']);
  });

  it('drops an answer asked before a settings change, and an answer for a link that moved on', async () => {
    const doc = page(['/huggingface/ml-intern', '/openai/whisper']);
    const { calls, chips } = setup(doc);
    chips.route(LIST);
    chips.refresh();
    expect(calls).toHaveLength(2);
    // The newer answer first: nothing rated; the stale one says rated and must not land.
    calls[1]!.answer([]);
    calls[0]!.answer(['/huggingface/ml-intern']);
    await flush();
    expect(chipsOf(doc)).toEqual([]);

    // React reuses a row for the next query: the link now points at an unrated repo.
    const doc2 = page(['/huggingface/ml-intern']);
    const second = setup(doc2);
    second.chips.route(LIST);
    doc2.querySelector('a')!.setAttribute('href', '/openai/whisper');
    second.calls[0]!.answer(['/huggingface/ml-intern']);
    await flush();
    expect(chipsOf(doc2)).toEqual([]);
  });

  it('removes the chip of a removed result and all chips when the page is no list', async () => {
    const doc = page(['/huggingface/ml-intern', '/huggingface/ml-intern']);
    const { calls, chips } = setup(doc);
    chips.route(LIST);
    calls[0]!.answer(['/huggingface/ml-intern']);
    await flush();
    expect(chipsOf(doc)).toHaveLength(2);
    doc.querySelector('.row')!.remove();
    await flush();
    expect(chipsOf(doc)).toHaveLength(1);
    chips.route('https://github.com/huggingface/ml-intern');
    expect(chipsOf(doc)).toEqual([]);
  });
});
