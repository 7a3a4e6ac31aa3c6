/**
 * An index cut into parts (a v2 install writes one per shard; changes write an overlay) must
 * answer every lookup, search and library query exactly as the one index of the same rows does.
 * SYNTHETIC data: 60 tools with seeded titles, scores, dates and labels, cut four ways.
 */
import { describe, expect, it } from 'vitest';
import type { Tool, Verdict } from '../../../lib/feed/schema';
import { groupRows } from '../../../lib/store/group-rows';
import { badgesFromAnswers, buildLookupIndex, LookupIndex } from '../../../lib/store/lookup-index';
import { OVERLAY, type LookupIndexRow, type SearchIndexRow } from '../../../lib/store/rows';
import { buildSearchRow } from '../../../lib/store/search-pack';
import { packedSearchIndex, type BrowseQuery } from '../../../lib/store/search-query';
import { searchSourcesOf } from '../../../lib/store/search-source';
import { SYNTHETIC_REVIEWERS, syntheticVerdict, toFeed, type FeedJson } from '../support/feeds';

const WORDS = ['agent', 'code', 'vision', 'speech', 'graph', 'data', 'chat', 'lens', 'tool'];

function random(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return { next, int: (n: number) => Math.floor(next() * n) };
}

function dataset(seed: number): { tools: Tool[]; verdicts: Verdict[] } {
  const r = random(seed);
  const word = () => WORDS[r.int(WORDS.length)]!;
  const json: FeedJson = {
    version: 1,
    generatedAt: '2025-01-01T00:00:00Z',
    reviewers: SYNTHETIC_REVIEWERS,
    tools: Array.from({ length: 60 }, (_, i) => ({
      id: `synthetic-tool-${i}`,
      name: `${word()} ${word()} ${i}`,
      match: { github: [`synthetic-org/t-${i}`], domains: [`t-${i}.synthetic.test`] },
    })),
    verdicts: Array.from({ length: 110 }, (_, i) =>
      syntheticVerdict(`synthetic-verdict-${i}`, `synthetic-tool-${r.int(50)}`, {
        // Repeated titles and scores: ties must fall the same way across parts.
        title: `${word()} ${word()} v${r.int(4)}`,
        panelShip: r.int(5) * 25,
        category: `Synthetic ${word()}`,
        entry: r.int(2) ? 'Free' : 'Paid',
        ...(r.int(3) ? { publishedAt: `2025-0${1 + r.int(9)}-1${r.int(9)}T00:00:00Z` } : {}),
      }),
    ),
    comparisons: [],
  };
  const feed = toFeed(json);
  return { tools: feed.tools, verdicts: feed.verdicts };
}

function indexesOf(tools: readonly Tool[], verdicts: readonly Verdict[], id: string) {
  const rows = groupRows(tools, verdicts);
  return {
    lookup: { ...buildLookupIndex(rows.matchKeys, badgesFromAnswers(rows.answers)), id },
    search: { ...buildSearchRow(searchSourcesOf(rows.tools, rows.verdicts)), id },
  } as { lookup: LookupIndexRow; search: SearchIndexRow };
}

/** The dataset as one index, and as parts of the tools with `i % cut` each. */
function cutInto(seed: number, cut: number) {
  const { tools, verdicts } = dataset(seed);
  const whole = indexesOf(tools, verdicts, 'current');
  const parts = Array.from({ length: cut }, (_, n) => {
    const mine = tools.filter((_, i) => i % cut === n);
    const ids = new Set(mine.map((t) => t.id));
    return indexesOf(
      mine,
      verdicts.filter((v) => ids.has(v.toolId)),
      `s${n.toString().padStart(4, '0')}`,
    );
  });
  return { tools, verdicts, whole, parts };
}

const QUERIES = ['', 'a', 'ag', 'code', 'ta', 'e', 'v2', 'lens t', 'synthetic', 'zzz'];

function libraryQueries(): BrowseQuery[] {
  const out: BrowseQuery[] = [];
  for (const query of QUERIES)
    for (const sort of ['relevance', 'ship', 'date', 'name'] as const)
      for (const [offset, limit] of [
        [0, 200],
        [0, 5],
        [3, 7],
        [40, 30],
      ] as const)
        out.push({ query, sort, offset, limit });
  out.push(
    { query: '', sort: 'ship', offset: 0, limit: 200, band: 'ship' },
    { query: 'a', sort: 'date', offset: 0, limit: 200, entry: 'Paid' },
    { query: '', sort: 'name', offset: 0, limit: 200, category: 'Synthetic code' },
    { query: '', sort: 'name', offset: 0, limit: 200, category: 'Synthetic nothing' },
  );
  return out;
}

describe('an index in parts', () => {
  it.each([
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 7],
  ])('answers as the whole index (seed %i, %i parts)', (seed, cut) => {
    const { tools, whole, parts } = cutInto(seed, cut);
    const one = new LookupIndex(whole.lookup);
    const many = new LookupIndex(parts.map((p) => p.lookup));
    expect(many.size).toBe(one.size);
    for (const t of tools) {
      const keys = [
        `github:synthetic-org/t-${t.id.slice(15)}`,
        `domain:t-${t.id.slice(15)}.synthetic.test`,
      ];
      for (const key of [...keys, 'github:nobody/none'])
        expect(many.find([key]), key).toEqual(one.find([key]));
      expect(many.find(['github:nobody/none', keys[1]!])).toEqual(one.find([keys[1]!]));
    }
    const searchOne = packedSearchIndex(whole.search);
    const searchMany = packedSearchIndex(parts.map((p) => p.search));
    expect(searchMany.size).toBe(searchOne.size);
    for (const q of QUERIES)
      for (const limit of [1, 3, 8, 50])
        expect(searchMany.search(q, limit), `${q} ${limit}`).toEqual(searchOne.search(q, limit));
    for (const request of libraryQueries())
      expect(searchMany.browse(request), JSON.stringify(request)).toEqual(
        searchOne.browse(request),
      );
  });

  it('hides what the overlay drops and answers from the overlay first', () => {
    const { tools, verdicts, parts } = cutInto(5, 3);
    // The changed state: tool 0 renamed with one verdict rescored, tool 1 gone with its verdicts.
    const gone = new Set(['synthetic-tool-0', 'synthetic-tool-1']);
    const old0 = verdicts.filter((v) => v.toolId === 'synthetic-tool-0');
    // Both tools have verdicts in the base, which the overlay must hide.
    expect(old0.length).toBeGreaterThan(1);
    expect(verdicts.filter((v) => v.toolId === 'synthetic-tool-1').length).toBeGreaterThan(0);
    const renamed = { ...tools[0]!, name: 'Renamed agent' };
    const changed0 = old0.map((v, i) => (i === 0 ? { ...v, panelShip: 100 } : v));
    const after = indexesOf(
      [renamed, ...tools.filter((t) => !gone.has(t.id))],
      [...changed0, ...verdicts.filter((v) => !gone.has(v.toolId))],
      'current',
    );
    const overlay = indexesOf([renamed], changed0, OVERLAY);
    const droppedVerdicts = verdicts.filter((v) => gone.has(v.toolId)).map((v) => v.id);
    const lookupParts = [
      ...parts.map((p) => p.lookup),
      {
        ...overlay.lookup,
        tools: [...gone],
        drops: [
          'github:synthetic-org/t-0',
          'domain:t-0.synthetic.test',
          'github:synthetic-org/t-1',
          'domain:t-1.synthetic.test',
        ],
      },
    ];
    const searchParts = [
      ...parts.map((p) => p.search),
      { ...overlay.search, drops: droppedVerdicts.sort() },
    ];
    const one = new LookupIndex(after.lookup);
    const many = new LookupIndex(lookupParts);
    expect(many.size).toBe(one.size);
    for (let i = 0; i < 60; i++)
      for (const key of [`github:synthetic-org/t-${i}`, `domain:t-${i}.synthetic.test`])
        expect(many.find([key]), key).toEqual(one.find([key]));
    expect(many.find(['github:synthetic-org/t-1'])).toBeNull();
    const searchOne = packedSearchIndex(after.search);
    const searchMany = packedSearchIndex(searchParts);
    expect(searchMany.size).toBe(searchOne.size);
    // What finds the hidden entries: their titles' starts and their tools' old names.
    const hidden = verdicts.filter((v) => gone.has(v.toolId));
    const probes = [...hidden.map((v) => v.title.slice(0, 4)), tools[0]!.name, tools[1]!.name];
    for (const q of [...QUERIES, ...probes, 'renamed'])
      for (const limit of [1, 3, 50])
        expect(searchMany.search(q, limit), `${q} ${limit}`).toEqual(searchOne.search(q, limit));
    for (const request of libraryQueries())
      expect(searchMany.browse(request), JSON.stringify(request)).toEqual(
        searchOne.browse(request),
      );
  });
});
