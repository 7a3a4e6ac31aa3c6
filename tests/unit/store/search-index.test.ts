import { afterEach, describe, expect, it } from 'vitest';
import { installFeed } from '../../../lib/store/install';
import type { Feed } from '../../../lib/feed/schema';
import {
  buildSearchIndex,
  createSearchService,
  loadSearchEntries,
  MAX_SEARCH_LIMIT,
  normalize,
  searchIndexSteps,
} from '../../../lib/store/search-index';
import { dropDbs, freshDb } from '../support/db';
import { syntheticFeed, toFeed } from '../support/feeds';
import type { VerdictSummary } from '../../../lib/model/answers';
import type { SearchSource } from '../../../lib/store/search-index';
import { answerForVerdict } from '../../../lib/store/answers';
import { OVERLAY } from '../../../lib/store/rows';
import { emptySearchRow } from '../../../lib/store/search-pack';

afterEach(dropDbs);

const summary = (
  id: string,
  title: string,
  toolName = title,
  panelShip = 50,
  more: Partial<SearchSource> = {},
): SearchSource => ({
  id,
  title,
  toolName,
  toolId: id,
  panelShip,
  category: 'Developer Tools',
  entry: 'Free',
  recency: 1,
  terms: [],
  ...more,
});
const summaryOf = ({ id, title, toolName, toolId, panelShip }: SearchSource): VerdictSummary => ({
  id,
  title,
  toolName,
  toolId,
  panelShip,
});

const SAMPLE: SearchSource[] = [
  summary('cursor-v0-50', 'Cursor v0.50', 'Cursor', 100),
  summary('cursor-v0-49', 'Cursor v0.49', 'Cursor', 90),
  summary('ml-intern', 'ml-intern', 'ml-intern', 75),
  summary('precursor', 'Precursor AI'),
  summary('windsurf', 'Windsurf Editor', 'Windsurf'),
  summary('claude-code', 'Claude Code: agentic coding', 'Claude Code'),
  summary('zed', 'Zed 0.180', 'Zed'),
  summary('code-llama', 'Meta release', 'Code Llama'),
];

const ids = (hits: readonly VerdictSummary[]) => hits.map((h) => h.id);

describe('buildSearchIndex', () => {
  const index = buildSearchIndex(SAMPLE);

  it('normalizes case, whitespace and separators', () => {
    expect(normalize('  Cursor   V0.50 ')).toBe('cursor v0 50');
    expect(normalize('huggingface/ml-intern')).toBe('huggingface ml intern');
    expect(ids(index.search('CURSOR'))).toEqual(ids(index.search('cursor')));
    expect(ids(index.search('  claude   code '))).toEqual(['claude-code']);
  });

  it('puts prefix matches first, alphabetically, then word starts, then substrings', () => {
    expect(ids(index.search('cursor'))).toEqual(['cursor-v0-49', 'cursor-v0-50', 'precursor']);
    // "code": prefix of the tool name "Code Llama", word start in "Claude Code…", nowhere inside.
    expect(ids(index.search('code'))).toEqual(['code-llama', 'claude-code']);
    expect(ids(index.search('intern'))).toEqual(['ml-intern']);
    expect(ids(index.search('ndsu'))).toEqual(['windsurf']);
  });

  it('matches tool names as well as verdict titles, once per verdict', () => {
    expect(ids(index.search('code llama'))).toEqual(['code-llama']);
    expect(ids(index.search('cursor v0.5'))).toEqual(['cursor-v0-50']);
    expect(new Set(ids(index.search('c'))).size).toBe(index.search('c').length);
  });

  it('returns summaries as given, nothing for no match', () => {
    expect(index.search('ml-')[0]).toEqual(summaryOf(SAMPLE[2]!));
    expect(index.search('no such tool')).toEqual([]);
  });

  it('answers an empty query with the first names, alphabetically', () => {
    expect(ids(index.search('', 3))).toEqual(['claude-code', 'cursor-v0-49', 'cursor-v0-50']);
  });

  it('respects the limit and caps it at 50', () => {
    expect(index.search('c', 2)).toHaveLength(2);
    expect(index.search('c', 0)).toEqual([]);
    const many = buildSearchIndex(
      Array.from({ length: 200 }, (_, i) => summary(`t-${i}`, `Tool ${i}`)),
    );
    expect(many.search('tool', 500)).toHaveLength(MAX_SEARCH_LIMIT);
    expect(many.search('', 500)).toHaveLength(MAX_SEARCH_LIMIT);
  });

  it('is built in steps of at most a few hundred verdicts each (SYNTHETIC data)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => summary(`tool-${i}`, `Tool ${i}`));
    const steps = searchIndexSteps(many);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(step.value.size).toBe(5000);
    // Entries, the name sort, the key sort and two orders: each a pass of ≥ 5000 / 512 steps.
    expect(yields).toBeGreaterThanOrEqual(5 * Math.floor(5000 / 512));
  });

  it('answers right at 100,000 tools (SYNTHETIC data)', () => {
    const big = Array.from({ length: 100_000 }, (_, i) =>
      summary(`tool-${i}`, `Tool ${i} ${i % 7 === 0 ? 'agent' : 'kit'}`),
    );
    const built = Date.now();
    const bigIndex = buildSearchIndex(big);
    const buildMs = Date.now() - built;
    expect(bigIndex.size).toBe(100_000);

    const queries = ['tool 9999', 'agent', 'kit', '99', 'zzz-nothing', 't', ''];
    const started = Date.now();
    for (let round = 0; round < 5; round++) for (const q of queries) bigIndex.search(q, 20);
    const perQueryMs = (Date.now() - started) / (queries.length * 5);

    expect(ids(bigIndex.search('tool 99999', 5))).toEqual(['tool-99999']);
    expect(bigIndex.search('agent', 50)).toHaveLength(50);
    // How fast is the bench's business (search.keystroke, library.keystroke), not a unit test's.
    void buildMs;
    void perQueryMs;
  });
});

function feed(names: readonly string[], generatedAt = '2026-01-01T00:00:00Z'): Feed {
  return {
    version: 1,
    generatedAt,
    reviewers: [{ id: 'builder', name: 'Builder', focus: 'Developer experience' }],
    tools: names.map((name, i) => ({
      id: `tool-${i}`,
      name,
      match: { github: [], huggingface: [], domains: [] },
    })),
    verdicts: names.map((name, i) => ({
      id: `verdict-${i}`,
      toolId: `tool-${i}`,
      title: `${name} review`,
      tagline: 't',
      category: 'c',
      summary: '',
      panelShip: 10 * i,
      community: null,
      entry: 'Free',
      reviews: [{ reviewerId: 'builder', quote: 'q'.repeat(1000) }],
    })),
    comparisons: [],
  };
}

describe('the background search service', () => {
  it('loads summaries from the tools and verdicts tables', async () => {
    const db = freshDb();
    await installFeed(db, feed(['Alpha', 'Beta']), { source: 'bundled' });
    const { token, sources } = await loadSearchEntries(db);
    expect(token).not.toBeNull();
    expect(sources.map(summaryOf)).toEqual([
      { id: 'verdict-0', title: 'Alpha review', panelShip: 0, toolId: 'tool-0', toolName: 'Alpha' },
      { id: 'verdict-1', title: 'Beta review', panelShip: 10, toolId: 'tool-1', toolName: 'Beta' },
    ]);
    expect(sources[0]).toMatchObject({
      category: 'c',
      entry: 'Free',
      terms: ['verdict-0', 'tool-0'],
    });
  });

  it.each([2000, 4001])(
    'reads every one of %i verdicts across its pages, in id order (SYNTHETIC data)',
    async (count) => {
      const db = freshDb();
      await installFeed(db, toFeed(syntheticFeed({ tools: 1999, verdicts: count })), {
        source: 'bundled',
      });
      const { sources: summaries } = await loadSearchEntries(db);
      const all = await db.verdicts.toArray();
      expect(summaries.map((s: SearchSource) => s.id)).toEqual(all.map((v) => v.id));
      expect(new Set(summaries.map((s: SearchSource) => s.id)).size).toBe(count);
      expect(
        summaries.find((s: SearchSource) => s.toolId === 'synthetic-tool-1998')?.toolName,
      ).toBe('Synthetic Tool 1998 (a)');
    },
  );

  it('answers nothing before a dataset is installed', async () => {
    const service = createSearchService(() => freshDb());
    expect(await service.search('a', 10)).toEqual([]);
  });

  it('reads the stored index once, and again only after another dataset is installed', async () => {
    const db = freshDb();
    await installFeed(
      db,
      feed(['Alpha', 'Beta']),
      { source: 'bundled' },
      new Date('2026-01-02T00:00:00Z'),
    );
    const service = createSearchService(() => db);
    const reads = { index: 0, verdicts: 0 };
    db.searchIndex.hook('reading', (row) => {
      reads.index++;
      return row;
    });
    db.verdicts.hook('reading', (row) => {
      reads.verdicts++;
      return row;
    });

    expect(ids(await service.search('al', 10))).toEqual(['verdict-0']);
    expect(reads).toEqual({ index: 1, verdicts: 0 });
    await Promise.all([service.search('be', 10), service.search('a', 10)]);
    expect(reads).toEqual({ index: 1, verdicts: 0 });

    await installFeed(
      db,
      feed(['Gamma'], '2026-02-01T00:00:00Z'),
      { source: 'https://feed.test/v.json' },
      new Date('2026-02-02T00:00:00Z'),
    );
    expect(ids(await service.search('gam', 10))).toEqual(['verdict-0']);
    expect((await service.search('gam', 10))[0]?.toolName).toBe('Gamma');
    expect(await service.search('alpha', 10)).toEqual([]);
    expect(reads.index).toBe(2);
  });

  it.each(['missing', 'broken', 'an overlay with a broken list of hidden ids'] as const)(
    'rebuilds a %s stored index from the rows, and keeps it',
    async (damage) => {
      const db = freshDb();
      await installFeed(db, feed(['Alpha', 'Beta']), { source: 'bundled' });
      const stored = (await db.searchIndex.get('current'))!;
      if (damage === 'missing') await db.searchIndex.clear();
      else if (damage === 'broken')
        await db.searchIndex.put({ ...stored, keyOrder: new Uint32Array([7, 9]) });
      else
        await db.searchIndex.put({
          ...emptySearchRow(),
          id: OVERLAY,
          drops: [7] as unknown as string[],
        });
      const service = createSearchService(() => db);
      expect(ids(await service.search('be', 10))).toEqual(['verdict-1']);
      expect(await db.searchIndex.toArray()).toEqual([stored]);
    },
  );

  it('finds a verdict by id alone', async () => {
    const db = freshDb();
    await installFeed(db, feed(['Alpha', 'Beta']), { source: 'bundled' });
    const answer = await answerForVerdict(db, 'verdict-1');
    expect(answer?.tool.name).toBe('Beta');
    expect(answer?.verdict.id).toBe('verdict-1');
    expect(await answerForVerdict(db, 'no-such-verdict')).toBeNull();
  });
});

describe('search by what people type', () => {
  const index = buildSearchIndex([
    summary('ml-intern', 'ml-intern', 'ml-intern', 75, {
      terms: ['ML Intern', 'huggingface/ml-intern'],
    }),
    summary('cursor-background-agents', 'Cursor Background Agents', 'Cursor', 100, {
      terms: ['Cursor AI', 'cursor.com'],
    }),
    summary('codestral-2', 'Codestral 2', 'Codestral', 75),
  ]);

  it.each([
    ['ml intern', 'ml-intern'],
    ['huggingface/ml-intern', 'ml-intern'],
    ['Cursor AI', 'cursor-background-agents'],
    ['cursor.com', 'cursor-background-agents'],
    ['codestral', 'codestral-2'],
  ])('%j finds %s', (query, id) => {
    expect(ids(index.search(query))).toContain(id);
    expect(index.browse({ query, sort: 'relevance', offset: 0, limit: 10 }).items[0]?.id).toBe(id);
  });
});

describe('browse', () => {
  const index = buildSearchIndex([
    summary('a', 'Alpha', 'Alpha', 80, {
      category: 'AI Models',
      entry: 'Paid',
      publishedAt: '2026-01-01T00:00:00Z',
    }),
    summary('b', 'Beta', 'Beta', 30, { category: 'Developer Tools', entry: 'Free' }),
    summary('c', 'Gamma', 'Gamma', 55, {
      category: 'Developer Tools',
      entry: 'Paid',
      publishedAt: '2026-03-01T00:00:00Z',
    }),
    summary('d', 'Delta agent', 'Delta', 95, { category: 'Developer Tools', entry: 'Free' }),
  ]);
  const browse = (q: Partial<Parameters<typeof index.browse>[0]>) =>
    index.browse({ query: '', sort: 'name', offset: 0, limit: 50, ...q });

  it('sorts by name, ship score or date (dated first, newest first)', () => {
    expect(browse({}).items.map((i) => i.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(browse({ sort: 'ship' }).items.map((i) => i.id)).toEqual(['d', 'a', 'c', 'b']);
    expect(
      browse({ sort: 'date' })
        .items.map((i) => i.id)
        .slice(0, 2),
    ).toEqual(['c', 'a']);
  });

  it('filters by category, band and entry, and counts what matches', () => {
    expect(browse({ category: 'Developer Tools' }).total).toBe(3);
    expect(browse({ band: 'ship' }).items.map((i) => i.id)).toEqual(['a', 'd']);
    expect(browse({ band: 'skip' }).items.map((i) => i.id)).toEqual(['b']);
    expect(browse({ entry: 'Paid', category: 'Developer Tools' }).items.map((i) => i.id)).toEqual([
      'c',
    ]);
    expect(browse({ query: 'zzz' })).toMatchObject({ total: 0, items: [] });
  });

  it('gives windows of the list, and the labels for the filters', () => {
    const page = browse({ offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.id)).toEqual(['b', 'd']);
    expect(page.categories).toEqual(['AI Models', 'Developer Tools']);
    expect(page.entries).toEqual(['Free', 'Paid']);
    expect(page.items[0]).toEqual(
      expect.objectContaining({ category: 'Developer Tools', entry: 'Free' }),
    );
    expect(page.items[0]).not.toHaveProperty('terms');
  });

  it('puts better matches first for relevance, and keeps the sort otherwise', () => {
    expect(browse({ query: 'agent', sort: 'relevance' }).items.map((i) => i.id)).toEqual(['d']);
    expect(browse({ query: 'a', sort: 'relevance' }).items[0]?.id).toBe('a');
    expect(browse({ query: 'a', sort: 'ship' }).items.map((i) => i.id)).toEqual([
      'd',
      'a',
      'c',
      'b',
    ]);
  });
});
