import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dropDbs } from '../support/db';
import { syntheticFeed } from '../support/feeds';
import { CONTENT_SENDER, testWorker } from '../support/worker';
import { loadSettings, saveSettings } from '../../../lib/settings/storage';
import { COMPARE_TABS, createContentHandlers } from '../../../lib/background/content-handlers';

beforeEach(() => fakeBrowser.reset());
afterEach(dropDbs);

const REPO = 'https://github.com/synthetic-org/tool-0';
const worker = () => testWorker({ bundled: syntheticFeed({ tools: 3, verdicts: 3 }) });

describe('lookupPage', () => {
  it('installs the bundled dataset on a fresh profile, once, and answers from it', async () => {
    const w = worker();
    const [a, b] = await Promise.all([
      w.content.lookupPage({ type: 'lookupPage', url: REPO }, CONTENT_SENDER),
      w.content.lookupPage({ type: 'lookupPage', url: `${REPO}/issues/1` }, CONTENT_SENDER),
    ]);
    expect(a).toEqual({
      found: true,
      badge: {
        toolId: 'synthetic-tool-0',
        toolName: 'Synthetic Tool 0 (a)',
        verdictId: 'synthetic-verdict-0',
        panelShip: 0,
      },
    });
    expect(b).toEqual(a);
    expect(w.installs.bundled).toBe(1);
  });

  it('answers a plain miss for pages that are no tool or an unrated one', async () => {
    const w = worker();
    for (const url of ['https://github.com/settings/profile', 'https://github.com/unrated/repo']) {
      expect(await w.content.lookupPage({ type: 'lookupPage', url }, CONTENT_SENDER)).toEqual({
        found: false,
      });
    }
  });

  it('says when the settings hide the badge: a site switched off, a hidden host', async () => {
    const w = worker();
    await saveSettings({ sites: { github: false, huggingface: true, product: true } });
    expect(await w.content.lookupPage({ type: 'lookupPage', url: REPO }, CONTENT_SENDER)).toEqual({
      found: false,
      bySettings: { siteOff: 'github' },
    });
    await saveSettings({
      sites: { github: true, huggingface: true, product: true },
      hiddenHosts: ['github.com'],
    });
    // The worker's cache is dropped by the storage listener in start.ts; here, by hand.
    w.state.settings.invalidate();
    const www = 'https://www.github.com/synthetic-org/tool-0';
    expect(
      await w.content.lookupPage({ type: 'lookupPage', url: www }, { ...CONTENT_SENDER, url: www }),
    ).toEqual({ found: false, bySettings: { hiddenHost: 'github.com' } });
  });

  it('answers only about the sender’s own origin, soft navigations included', async () => {
    const w = worker();
    // The lens saw pushState commit before Chrome updated the sender's URL: same origin, allowed.
    const soft = { ...CONTENT_SENDER, url: 'https://github.com/somewhere/else' };
    expect((await w.content.lookupPage({ type: 'lookupPage', url: REPO }, soft)).found).toBe(true);
    for (const url of [
      'https://huggingface.co/synthetic-org/tool-0',
      'http://github.com/synthetic-org/tool-0',
      'https://github.com.evil.test/synthetic-org/tool-0',
      'not a url',
    ]) {
      await expect(
        w.content.lookupPage({ type: 'lookupPage', url }, CONTENT_SENDER),
      ).rejects.toThrow('a content script may look up its own page only');
    }
    await expect(
      w.content.lookupPage({ type: 'lookupPage', url: REPO }, { id: 'synthetic-extension' }),
    ).rejects.toThrow('own page only');
    // The popup, an extension page, asks about its tab's page (dispatch says who sent it).
    const popup = {
      id: 'synthetic-extension',
      url: 'chrome-extension://synthetic-extension/popup.html',
    };
    expect(
      (await w.content.lookupPage({ type: 'lookupPage', url: REPO }, popup, 'page')).found,
    ).toBe(true);
  });
});

describe('lookupLinks', () => {
  const LIST = 'https://github.com/search?q=tool&type=repositories';
  const urls = [
    'https://github.com/synthetic-org/tool-0',
    'https://github.com/unrated/repo',
    'https://github.com/synthetic-org/tool-2',
    'https://huggingface.co/synthetic-org/tool-1',
  ];
  const ask = (
    w: ReturnType<typeof worker>,
    pageUrl = LIST,
    sender = { ...CONTENT_SENDER, url: LIST },
  ) => w.content.lookupLinks({ type: 'lookupLinks', pageUrl, urls }, sender);

  it('answers each result in order, from the index, and nothing for another site’s results', async () => {
    const { badges, bySettings } = await ask(worker());
    expect(bySettings).toBeUndefined();
    expect(badges.map((b) => b?.toolId ?? null)).toEqual([
      'synthetic-tool-0',
      null,
      'synthetic-tool-2',
      null,
    ]);
  });

  it('answers nothing on a page that is no list page', async () => {
    const repo = 'https://github.com/synthetic-org/tool-0';
    const { badges } = await ask(worker(), repo, { ...CONTENT_SENDER, url: repo });
    expect(badges).toEqual([null, null, null, null]);
  });

  it('refuses a page URL of another origin than the sender’s', async () => {
    await expect(
      ask(worker(), LIST, { ...CONTENT_SENDER, url: 'https://example.com/' }),
    ).rejects.toThrow(/sender/);
  });

  it('says when the user switched lists or the site off, or hid the host', async () => {
    const w = worker();
    const off = async (patch: Parameters<typeof saveSettings>[0]) => {
      await saveSettings(patch);
      w.state.settings.invalidate();
      return ask(w);
    };
    expect(await off({ lists: { github: false, huggingface: true } })).toEqual({
      badges: [null, null, null, null],
      bySettings: { listsOff: 'github' },
    });
    expect(
      (await off({ sites: { github: false, huggingface: true, product: true } })).bySettings,
    ).toEqual({
      siteOff: 'github',
    });
    expect(
      (
        await off({
          sites: { github: true, huggingface: true, product: true },
          lists: { github: true, huggingface: true },
          hiddenHosts: ['github.com'],
        })
      ).bySettings,
    ).toEqual({ hiddenHost: 'github.com' });
    expect((await off({ hiddenHosts: [] })).bySettings).toBeUndefined();
  });
});

describe('lookupNewResults', () => {
  const LIST = 'https://github.com/trending';
  const probe = (
    w: ReturnType<typeof worker>,
    urls: string[],
    pageUrl = LIST,
    sender = { ...CONTENT_SENDER, url: LIST },
  ) => w.content.lookupNewResults({ type: 'lookupNewResults', pageUrl, urls }, sender);

  it('runs the list script in the sender’s frame once a rated result appears, not before', async () => {
    const w = worker();
    expect(await probe(w, ['/synthetic-org/not-rated', '/topics/ai'])).toEqual({ loaded: false });
    expect(w.effects.injectListChips).not.toHaveBeenCalled();
    expect(await probe(w, ['/synthetic-org/not-rated', '/synthetic-org/tool-1/'])).toEqual({
      loaded: true,
    });
    expect(w.effects.injectListChips).toHaveBeenCalledWith(7, 0);
  });

  it('refuses another page’s links, a page that is no list, and lists switched off', async () => {
    const w = worker();
    const rated = ['https://github.com/synthetic-org/tool-0'];
    const repo = 'https://github.com/synthetic-org/tool-0';
    expect(await probe(w, rated, repo, { ...CONTENT_SENDER, url: repo })).toEqual({
      loaded: false,
    });
    expect(await probe(w, rated, LIST, { ...CONTENT_SENDER, url: 'https://example.com/' })).toEqual(
      { loaded: false },
    );
    await saveSettings({ lists: { github: false, huggingface: true } });
    w.state.settings.invalidate();
    expect(await probe(w, rated)).toEqual({ loaded: false });
    expect(w.effects.injectListChips).not.toHaveBeenCalled();
  });
});

describe('loadPopoverUi', () => {
  it('injects the UI into the sender’s tab and frame', async () => {
    const w = worker();
    const reply = await w.content.loadPopoverUi(
      { type: 'loadPopoverUi' },
      { ...CONTENT_SENDER, frameId: 0 },
    );
    expect(reply).toEqual({ loaded: true });
    expect(w.effects.injectPopoverUi).toHaveBeenCalledWith(7, 0);
  });

  it('answers not loaded for a sender without a tab, and when injection fails', async () => {
    const w = worker();
    expect(
      await w.content.loadPopoverUi({ type: 'loadPopoverUi' }, { id: 'x', url: REPO }),
    ).toEqual({ loaded: false });
    w.effects.injectPopoverUi.mockResolvedValueOnce(false);
    expect(await w.content.loadPopoverUi({ type: 'loadPopoverUi' }, CONTENT_SENDER)).toEqual({
      loaded: false,
    });
  });
});

describe('getToolAnswer', () => {
  it('answers the newest verdict, or the one asked for, and null for unknown ones', async () => {
    const w = testWorker({ bundled: syntheticFeed({ tools: 2, verdicts: 4 }) });
    const newest = await w.content.getToolAnswer(
      { type: 'getToolAnswer', toolId: 'synthetic-tool-0' },
      CONTENT_SENDER,
    );
    expect(newest?.verdicts.map((v) => v.id)).toEqual([
      'synthetic-verdict-2',
      'synthetic-verdict-0',
    ]);
    expect(newest?.verdict.id).toBe('synthetic-verdict-2');
    const older = await w.content.getToolAnswer(
      { type: 'getToolAnswer', toolId: 'synthetic-tool-0', verdictId: 'synthetic-verdict-0' },
      CONTENT_SENDER,
    );
    expect(older?.verdict.id).toBe('synthetic-verdict-0');
    expect(
      await w.content.getToolAnswer(
        { type: 'getToolAnswer', toolId: 'synthetic-missing' },
        CONTENT_SENDER,
      ),
    ).toBeNull();
  });

  it('does not tell the page the feed URL, only whether the data is bundled', async () => {
    const w = worker();
    const bundled = await w.content.getToolAnswer(
      { type: 'getToolAnswer', toolId: 'synthetic-tool-0' },
      CONTENT_SENDER,
    );
    expect(bundled?.dataset.source).toBe('bundled');
    const secret = 'https://feeds.synthetic.test/private-token-123/feed.json';
    await w.db.meta.update('current', { source: secret });
    const answer = await w.content.getToolAnswer(
      { type: 'getToolAnswer', toolId: 'synthetic-tool-0' },
      CONTENT_SENDER,
    );
    expect(answer?.dataset.source).toBe('feed');
    expect(JSON.stringify(answer)).not.toContain('private-token-123');
    // Extension pages still see where the data came from.
    const page = await w.page.getVerdictAnswer(
      { type: 'getVerdictAnswer', verdictId: 'synthetic-verdict-0' },
      { id: 'synthetic-extension', url: 'chrome-extension://synthetic-extension/compare.html' },
    );
    expect(page?.dataset.source).toBe(secret);
  });
});

describe('hideSite and showSite', () => {
  const on = (url: string) => ({ ...CONTENT_SENDER, url });

  it('hide the sender’s own site, once, without www., and show it again', async () => {
    const w = worker();
    expect(
      await w.content.hideSite({ type: 'hideSite' }, on('https://WWW.GitHub.com/a/b')),
    ).toEqual({ hidden: 'github.com' });
    await w.content.hideSite({ type: 'hideSite' }, on('https://github.com/c/d'));
    expect((await loadSettings()).settings.hiddenHosts).toEqual(['github.com']);
    expect(await w.content.showSite({ type: 'showSite' }, on('https://github.com/c/d'))).toEqual({
      shown: 'github.com',
    });
    expect((await loadSettings()).settings.hiddenHosts).toEqual([]);
  });

  it('never touch another site than the sender’s', async () => {
    const w = worker();
    await saveSettings({ hiddenHosts: ['huggingface.co'] });
    await w.content.showSite({ type: 'showSite' }, on('https://github.com/a/b'));
    expect((await loadSettings()).settings.hiddenHosts).toEqual(['huggingface.co']);
  });

  it('say clearly when the list of hidden sites is full (SYNTHETIC hosts)', async () => {
    const w = worker();
    await saveSettings({
      hiddenHosts: Array.from({ length: 1000 }, (_, i) => `synthetic-${i}.test`),
    });
    await expect(
      w.content.hideSite({ type: 'hideSite' }, on('https://github.com/a/b')),
    ).rejects.toThrow(/hidden on 1000 sites already: show some again in the options first/);
  });
});

describe('getFollowedReviewers', () => {
  it('answers the reviewers in the settings, which content scripts cannot read', async () => {
    const w = worker();
    await saveSettings({ reviewers: ['skeptic', 'creator'] });
    expect(
      await w.content.getFollowedReviewers({ type: 'getFollowedReviewers' }, CONTENT_SENDER),
    ).toEqual({ reviewers: ['skeptic', 'creator'] });
  });
});

describe('openCompare', () => {
  it('opens the compare page for the pair', async () => {
    const w = worker();
    await w.content.openCompare(
      { type: 'openCompare', a: 'synthetic-verdict-0', b: 'synthetic-verdict-1' },
      CONTENT_SENDER,
    );
    expect(w.effects.openExtensionPage).toHaveBeenCalledWith(
      '/compare.html?a=synthetic-verdict-0&b=synthetic-verdict-1',
    );
  });

  it('opens a few tabs per half minute however often it is asked', async () => {
    const w = testWorker({ bundled: syntheticFeed({ tools: 3, verdicts: 3 }) });
    let t = 0;
    const content = createContentHandlers(w.state, w.effects, () => t);
    const ask = () =>
      content.openCompare(
        { type: 'openCompare', a: 'synthetic-verdict-0', b: 'synthetic-verdict-1' },
        CONTENT_SENDER,
      );
    const results = await Promise.allSettled(Array.from({ length: 30 }, ask));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(COMPARE_TABS.max);
    expect(w.effects.openExtensionPage).toHaveBeenCalledTimes(COMPARE_TABS.max);
    const refused = results.find((r) => r.status === 'rejected');
    expect(String(refused?.reason)).toMatch(/Too many compare tabs at once/);
    t += COMPARE_TABS.windowMs;
    await ask();
    expect(w.effects.openExtensionPage).toHaveBeenCalledTimes(COMPARE_TABS.max + 1);
  });
});
