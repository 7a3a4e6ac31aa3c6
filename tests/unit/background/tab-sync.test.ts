import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createTabSync } from '../../../lib/background/tab-sync';
import type { showOnToolbar } from '../../../lib/background/toolbar';
import { saveSettings } from '../../../lib/settings/storage';
import { dropDbs } from '../support/db';
import { cursorFeed, syntheticFeed } from '../support/feeds';
import { testWorker } from '../support/worker';

beforeEach(() => fakeBrowser.reset());
afterEach(dropDbs);

const RATED = 'https://github.com/synthetic-org/tool-0';
const REPO = RATED;
const UNRATED = 'https://github.com/synthetic-org/not-in-the-dataset';
const LIST = 'https://github.com/search?q=tool&type=repositories';

function setup(bundled = syntheticFeed({ tools: 3, verdicts: 3 })) {
  const w = testWorker({ bundled });
  const toolbar = vi.fn<typeof showOnToolbar>(async () => undefined);
  const tabs = createTabSync(w.state, w.effects, toolbar);
  const shown = () => toolbar.mock.calls.map(([tab, badge]) => [tab, badge?.toolId ?? null]);
  return { ...w, tabs, toolbar, shown };
}

describe('tab sync: what a navigation brings to the page', () => {
  it('runs the lens where the URL is rated, early in the load, and shows the score', async () => {
    const t = setup();
    await t.tabs.onTabUpdated(3, { status: 'loading', url: RATED }, { url: RATED });
    // With the answer it found, so the lens need not ask again.
    expect(t.effects.injectLens).toHaveBeenCalledWith(3, {
      url: RATED,
      answer: { found: true, badge: expect.objectContaining({ toolId: 'synthetic-tool-0' }) },
    });
    expect(t.effects.hasLens).not.toHaveBeenCalled();
    expect(t.shown()).toEqual([[3, 'synthetic-tool-0']]);
    expect(t.effects.scanList).not.toHaveBeenCalled();
  });

  it('runs nothing in an unrated page, nor in one it may not script, and clears the icon', async () => {
    const t = setup();
    await t.tabs.onTabUpdated(3, { url: UNRATED }, { url: UNRATED });
    await t.tabs.onTabUpdated(4, { status: 'loading' }, { url: 'chrome://newtab/' });
    await t.tabs.onTabUpdated(5, { status: 'loading' }, {});
    expect(t.effects.injectLens).not.toHaveBeenCalled();
    expect(t.effects.scanList).not.toHaveBeenCalled();
    expect(t.shown()).toEqual([
      [3, null],
      [4, null],
      [5, null],
    ]);
  });

  it('once loaded, runs the lens only if the early injection missed the page', async () => {
    const t = setup();
    t.effects.hasLens.mockResolvedValueOnce(true);
    await t.tabs.onTabUpdated(3, { status: 'complete' }, { url: RATED });
    expect(t.effects.injectLens).not.toHaveBeenCalled();
    await t.tabs.onTabUpdated(3, { status: 'complete' }, { url: RATED });
    expect(t.effects.injectLens).toHaveBeenCalledTimes(1);
  });

  it('checks for the lens on load only after the early injection has landed', async () => {
    const t = setup();
    let land: (ran: boolean) => void = () => undefined;
    t.effects.injectLens.mockImplementationOnce(() => new Promise((resolve) => (land = resolve)));
    t.effects.hasLens.mockResolvedValue(true);
    const early = t.tabs.onTabUpdated(3, { status: 'loading', url: RATED }, { url: RATED });
    await vi.waitFor(() => expect(t.effects.injectLens).toHaveBeenCalled());
    const loaded = t.tabs.onTabUpdated(3, { status: 'complete' }, { url: RATED });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.effects.hasLens).not.toHaveBeenCalled();
    land(true);
    await Promise.all([early, loaded]);
    expect(t.effects.hasLens).toHaveBeenCalledTimes(1);
    expect(t.effects.injectLens).toHaveBeenCalledTimes(1);
  });

  it('on a product site, whose registered script runs the lens, only checks it is there', async () => {
    const t = setup(cursorFeed());
    const site = 'https://cursor.com/pricing';
    t.effects.hasLens.mockResolvedValueOnce(true);
    await t.tabs.onTabUpdated(3, { status: 'loading', url: site }, { url: site });
    expect(t.effects.hasLens).toHaveBeenCalledWith(3);
    expect(t.effects.injectLens).not.toHaveBeenCalled();
    expect(t.shown()).toEqual([[3, 'cursor']]);
  });

  it('ignores changes that are no navigation (title, favicon, audio)', async () => {
    const t = setup();
    await t.tabs.onTabUpdated(3, {}, { url: RATED });
    expect(t.toolbar).not.toHaveBeenCalled();
    expect(t.effects.injectLens).not.toHaveBeenCalled();
  });

  it('drops a decision for a URL the tab has already left', async () => {
    const t = setup();
    await Promise.all([
      t.tabs.onTabUpdated(3, { url: RATED }, { url: RATED }),
      t.tabs.onTabUpdated(3, { url: UNRATED }, { url: UNRATED }),
    ]);
    expect(t.effects.injectLens).not.toHaveBeenCalled();
    expect(t.shown()).toEqual([[3, null]]);
  });

  it('keeps the lens out while the settings switch the site off', async () => {
    const t = setup();
    await saveSettings({ sites: { github: false, huggingface: true, product: true } });
    t.state.settings.invalidate();
    await t.tabs.onTabUpdated(3, { url: RATED }, { url: RATED });
    expect(t.effects.injectLens).not.toHaveBeenCalled();
  });
});

describe('tab sync: list pages', () => {
  const scan = (...hrefs: string[]) => ({ page: LIST, base: LIST, hrefs });

  it('probes a list page and runs the list script only when a result is rated', async () => {
    const t = setup();
    t.effects.scanList.mockResolvedValueOnce(scan('/synthetic-org/unrated', '/topics/ai'));
    await t.tabs.onTabUpdated(3, { url: LIST }, { url: LIST });
    expect(t.effects.scanList).toHaveBeenCalledWith(3, { site: 'github', kind: 'search' });
    expect(t.effects.injectListChips).not.toHaveBeenCalled();
    expect(t.effects.injectLens).not.toHaveBeenCalled();

    const next = `${LIST}&p=2`;
    t.effects.scanList.mockResolvedValueOnce({
      ...scan('/synthetic-org/unrated', '/synthetic-org/tool-2'),
      page: next,
    });
    await t.tabs.onTabUpdated(3, { url: next }, { url: next });
    // With the badges it found, by result page, so the list script need not ask again.
    expect(t.effects.injectListChips).toHaveBeenCalledWith(3, 0, {
      url: next,
      answer: {
        'https://github.com/synthetic-org/unrated': null,
        'https://github.com/synthetic-org/tool-2': expect.objectContaining({
          toolId: 'synthetic-tool-2',
        }),
      },
    });
  });

  it('probes once per page load, and again when the answer came from the page being left', async () => {
    const t = setup();
    t.effects.scanList.mockResolvedValue(scan('/synthetic-org/unrated'));
    await t.tabs.onTabUpdated(3, { status: 'loading', url: LIST }, { url: LIST });
    await t.tabs.onTabUpdated(3, { status: 'complete' }, { url: LIST });
    expect(t.effects.scanList).toHaveBeenCalledTimes(1);
    // A reload is a new page: probed again.
    await t.tabs.onTabUpdated(3, { status: 'loading' }, { url: LIST });
    expect(t.effects.scanList).toHaveBeenCalledTimes(2);

    // The first answer came from the document the tab was leaving: the new one is asked again.
    t.effects.scanList.mockClear();
    t.effects.scanList.mockResolvedValueOnce({ ...scan('/synthetic-org/tool-0'), page: REPO });
    t.effects.scanList.mockResolvedValueOnce(scan('/synthetic-org/tool-0'));
    await t.tabs.onTabUpdated(4, { status: 'loading', url: LIST }, { url: LIST });
    expect(t.effects.scanList).toHaveBeenCalledTimes(2);
    expect(t.effects.injectListChips).toHaveBeenCalledWith(4, 0, expect.anything());
  });

  it('leaves a page alone where the list script already runs (the probe answers null)', async () => {
    const t = setup();
    await t.tabs.onTabUpdated(3, { url: LIST }, { url: LIST });
    expect(t.effects.scanList).toHaveBeenCalledTimes(1);
    expect(t.effects.injectListChips).not.toHaveBeenCalled();
  });

  it('does not probe a list whose chips the settings keep off, nor another site’s links', async () => {
    const t = setup();
    t.effects.scanList.mockResolvedValue(scan('https://huggingface.co/synthetic-org/tool-0'));
    await t.tabs.onTabUpdated(3, { url: LIST }, { url: LIST });
    expect(t.effects.injectListChips).not.toHaveBeenCalled();
    await saveSettings({ lists: { github: false, huggingface: true } });
    t.state.settings.invalidate();
    t.effects.scanList.mockClear();
    await t.tabs.onTabUpdated(4, { url: LIST }, { url: LIST });
    expect(t.effects.scanList).not.toHaveBeenCalled();
  });
});

describe('tab sync: every tab at once', () => {
  it('brings a rated tab its lens after a settings or dataset change', async () => {
    const t = setup();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 1, url: RATED, status: 'complete' },
      { id: 2, url: UNRATED, status: 'complete' },
    ] as never);
    await t.tabs.refreshAll();
    expect(t.effects.hasLens).toHaveBeenCalledWith(1);
    expect(t.effects.injectLens.mock.calls.map(([tab]) => tab)).toEqual([1]);
    expect(t.shown().sort()).toEqual([
      [1, 'synthetic-tool-0'],
      [2, null],
    ]);
  });
});
