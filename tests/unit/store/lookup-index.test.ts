import { describe, expect, it } from 'vitest';
import { datasetRows } from '../../../lib/store/install';
import {
  badgesFromAnswers,
  badgesFromRows,
  buildLookupIndex,
  createLookupIndexCache,
  LookupIndex,
} from '../../../lib/store/lookup-index';
import { domainKeysForHost, githubKey } from '../../../lib/model/match-keys';
import { cursorFeed, syntheticFeed, toFeed, type FeedJson } from '../support/feeds';
import type { LookupIndexRow } from '../../../lib/store/rows';

const indexOf = (json: FeedJson) => {
  const rows = datasetRows(toFeed(json));
  return new LookupIndex(rows.lookupIndex[0]!);
};

describe('LookupIndex', () => {
  it.each([
    ['docs.cursor.com', 'cursor-docs'],
    ['a.docs.cursor.com', 'cursor-docs'],
    ['Docs.Cursor.COM', 'cursor-docs'],
    ['www.cursor.com', 'cursor'],
    ['windsurf.com', 'windsurf'],
    ['notcursor.com', null],
    ['cursor.co', null],
  ])('host %s → %s (most specific key first)', (host, toolId) => {
    expect(indexOf(cursorFeed()).find(domainKeysForHost(host))?.toolId ?? null).toBe(toolId);
  });

  it("answers the tool's newest verdict, whatever order the feed lists them in", () => {
    for (const order of ['old-first', 'new-first'] as const) {
      expect(indexOf(cursorFeed(order)).find([githubKey('GetCursor/Cursor')])).toEqual({
        toolId: 'cursor',
        toolName: 'Cursor (synthetic)',
        verdictId: 'cursor-v0-50',
        panelShip: 80,
      });
    }
  });

  it('follows the order of the keys it is given, and answers null for none', () => {
    const index = indexOf(cursorFeed());
    expect(index.find(['domain:cursor.com', 'domain:docs.cursor.com'])?.toolId).toBe('cursor');
    expect(index.find(['domain:nothing.test', 'domain:docs.cursor.com'])?.toolId).toBe(
      'cursor-docs',
    );
    expect(index.find([])).toBeNull();
  });

  it("gives a tool without a verdict no badge, not even its parent domain tool's", () => {
    const feed = cursorFeed();
    feed.tools.push(
      { id: 'unrated', name: 'Unrated', match: { github: ['some/unrated'] } },
      { id: 'cursor-forum', name: 'Cursor Forum', match: { domains: ['forum.cursor.com'] } },
    );
    const index = indexOf(feed);
    expect(index.find([githubKey('some/unrated')])).toBeNull();
    expect(index.find(domainKeysForHost('forum.cursor.com'))).toBeNull();
    expect(index.find(domainKeysForHost('www.cursor.com'))?.toolId).toBe('cursor');
  });

  it('finds every key of 2,000 synthetic tools and nothing in between (SYNTHETIC data)', () => {
    const feed = syntheticFeed({ tools: 2000, verdicts: 2000, tag: 'ünïcödé ✓' });
    const index = indexOf(feed);
    for (let i = 0; i < 2000; i++) {
      const found = index.find([githubKey(`synthetic-org/tool-${i}`)]);
      expect(found?.toolId).toBe(`synthetic-tool-${i}`);
      expect(found?.toolName).toBe(`Synthetic Tool ${i} (ünïcödé ✓)`);
      expect(index.find(domainKeysForHost(`tool-${i}.synthetic.test`))?.toolId).toBe(
        `synthetic-tool-${i}`,
      );
      expect(index.find([githubKey(`synthetic-org/tool-${i}x`)])).toBeNull();
    }
    expect(index.find(['github:'])).toBeNull();
    expect(index.find(['zzz'])).toBeNull();
  });

  it('packs the same whatever order the rows were read in', () => {
    const rows = datasetRows(toFeed(cursorFeed()));
    const reversed = buildLookupIndex(
      [...rows.matchKeys].reverse(),
      badgesFromAnswers([...rows.answers].reverse()),
    );
    expect(reversed).toEqual(rows.lookupIndex[0]);
    // As a schema upgrade builds it, from the slim tool and verdict rows.
    const fromRows = buildLookupIndex(
      rows.matchKeys,
      badgesFromRows([...rows.tools].reverse(), [...rows.verdicts].reverse()),
    );
    expect(fromRows).toEqual(rows.lookupIndex[0]);
  });
});

describe('createLookupIndexCache', () => {
  const row = () => datasetRows(toFeed(cursorFeed())).lookupIndex[0]!;

  it('reads once, and again after an install invalidated it', async () => {
    let reads = 0;
    const cache = createLookupIndexCache(() => {
      reads++;
      return Promise.resolve([row()]);
    });
    await Promise.all([cache.get(), cache.get()]);
    await cache.get();
    expect(reads).toBe(1);
    cache.invalidate();
    await cache.get();
    expect(reads).toBe(2);
  });

  it('does not keep a failed read, and answers nothing while no index is stored', async () => {
    const answers: (LookupIndexRow[] | Error)[] = [new Error('closed'), []];
    const cache = createLookupIndexCache(() => {
      const next = answers.shift();
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next ?? []);
    });
    await expect(cache.get()).rejects.toThrow('closed');
    const empty = await cache.get();
    expect(empty.find([githubKey('getcursor/cursor')])).toBeNull();
  });
});
