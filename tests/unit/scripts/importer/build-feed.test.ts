import { describe, expect, it } from 'vitest';
import {
  buildFeed,
  FeedBuildError,
  type PageSource,
} from '../../../../scripts/importer/build-feed';
import { parseCatalog } from '../../../../scripts/importer/catalog';
import { PageError } from '../../../../scripts/importer/page-error';
import { parseFeed } from '../../../../lib/feed/validate';
import { PERSONAS } from '../../../../lib/model/reviewers';
import {
  CURSOR,
  ML_INTERN,
  readRepoFile,
  SHARED_HTML_FILE,
  SHARED_PAGE,
  TITLE,
} from './shared-page';

const CATALOG = parseCatalog(JSON.parse(readRepoFile('data/tools.json')));
const AT = '2025-06-01T12:00:00.000Z';
const SHARED: PageSource = { file: 'data/pages/000_d25ab3c82b087462.txt', text: SHARED_PAGE };

/** The shared page about a different Cursor release and a tool the catalog does not know. */
const OTHER_RELEASE = SHARED_PAGE.replaceAll(CURSOR.name, 'Cursor 1.0 – BugBot').replaceAll(
  'ml-intern',
  'Kiro',
);

describe('buildFeed on the shared page', () => {
  const { feed, warnings } = buildFeed([SHARED], CATALOG, AT);

  it('is a valid feed with the personas as reviewers', () => {
    expect(parseFeed(feed).ok).toBe(true);
    expect(feed.version).toBe(1);
    expect(feed.generatedAt).toBe(AT);
    expect(feed.reviewers).toEqual(PERSONAS);
    expect(warnings).toEqual([]);
  });

  it('resolves both tools through the catalog, with its aliases', () => {
    const known = (id: string) => CATALOG.tools.find((t) => t.id === id)!;
    expect(feed.tools).toEqual([
      {
        id: 'cursor',
        name: 'Cursor',
        aliases: known('cursor').aliases,
        match: { github: [], huggingface: [], domains: ['cursor.com'] },
      },
      {
        id: 'ml-intern',
        name: 'ml-intern',
        aliases: known('ml-intern').aliases,
        match: { github: ['huggingface/ml-intern'], huggingface: [], domains: [] },
      },
    ]);
    expect(feed.tools[0]!.aliases).toContain('Cursor AI');
  });

  it('states no source URL or date for a text page, which says neither', () => {
    expect(feed.comparisons.every((c) => c.url === undefined && c.publishedAt === undefined)).toBe(
      true,
    );
  });

  it('turns each tool card into a verdict', () => {
    expect(feed.verdicts).toEqual([
      {
        id: 'cursor-v0-50-background-agent-codebase-refactoring',
        toolId: 'cursor',
        title: CURSOR.name,
        tagline: CURSOR.tagline,
        category: CURSOR.category,
        summary: CURSOR.description,
        panelShip: 100,
        community: null,
        entry: 'Free',
        reviews: CURSOR.reviews,
      },
      {
        id: 'ml-intern',
        toolId: 'ml-intern',
        title: 'ml-intern',
        tagline: ML_INTERN.tagline,
        category: ML_INTERN.category,
        summary: ML_INTERN.description,
        panelShip: 75,
        community: null,
        entry: 'Paid',
        reviews: ML_INTERN.reviews,
      },
    ]);
  });

  it('records the page as a comparison', () => {
    expect(feed.comparisons).toEqual([
      {
        id: 'cursor-v0-50-background-agent-codebase-refactoring-vs-ml-intern',
        title: TITLE,
        verdictIds: ['cursor-v0-50-background-agent-codebase-refactoring', 'ml-intern'],
      },
    ]);
  });

  it('the HTML version builds the same feed', () => {
    const html = { file: SHARED.file, text: readRepoFile(SHARED_HTML_FILE) };
    expect(buildFeed([html], CATALOG, AT)).toEqual({ feed, warnings });
  });
});

describe('buildFeed across pages', () => {
  const second: PageSource = { file: 'data/pages/001_other.txt', text: OTHER_RELEASE };

  it('gives one tool several verdicts and adds unknown tools with a warning', () => {
    const { feed, warnings } = buildFeed([second, SHARED], CATALOG, AT);
    expect(feed.tools.map((tool) => tool.id)).toEqual(['cursor', 'ml-intern', 'kiro']);
    expect(feed.tools[2]).toEqual({
      id: 'kiro',
      name: 'Kiro',
      match: { github: [], huggingface: [], domains: [] },
    });
    expect(feed.verdicts.map((verdict) => [verdict.id, verdict.toolId])).toEqual([
      ['cursor-v0-50-background-agent-codebase-refactoring', 'cursor'],
      ['ml-intern', 'ml-intern'],
      ['cursor-1-0-bugbot', 'cursor'],
      ['kiro', 'kiro'],
    ]);
    expect(feed.comparisons.map((comparison) => comparison.id)).toEqual([
      'cursor-v0-50-background-agent-codebase-refactoring-vs-ml-intern',
      'cursor-1-0-bugbot-vs-kiro',
    ]);
    expect(warnings).toEqual([
      'data/pages/001_other.txt: tool "Kiro" is not in the tool catalog; added as "kiro" with no match keys',
    ]);
  });

  it('is deterministic: input order does not matter', () => {
    const a = buildFeed([SHARED, second], CATALOG, AT);
    const b = buildFeed([second, SHARED], CATALOG, AT);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('keeps one copy of a page saved twice, silently', () => {
    const copy = { file: 'data/pages/002_copy.txt', text: SHARED_PAGE.replace(/\n/g, '\r\n') };
    const { feed, warnings } = buildFeed([SHARED, copy], CATALOG, AT);
    expect(feed.verdicts).toHaveLength(2);
    expect(feed.comparisons).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('keeps the first of two differing verdicts with the same id, in file-name order, and warns', () => {
    const changed = { file: 'data/pages/999_later.txt', text: SHARED_PAGE.replace('75%', '50%') };
    const { feed, warnings } = buildFeed([changed, SHARED], CATALOG, AT);
    expect(feed.verdicts.find((verdict) => verdict.id === 'ml-intern')?.panelShip).toBe(75);
    expect(warnings).toEqual([
      'data/pages/999_later.txt: verdict "ml-intern" differs from the one in data/pages/000_d25ab3c82b087462.txt; keeping data/pages/000_d25ab3c82b087462.txt',
    ]);
    expect(feed.comparisons).toHaveLength(1);
  });

  it('gives a second, different comparison with the same title its own id', () => {
    const other = SHARED_PAGE.replace(`\n${CURSOR.name}\nAsync`, '\nCursor v0.51\nAsync');
    const { feed, warnings } = buildFeed(
      [SHARED, { file: 'data/pages/001_b.txt', text: other }],
      CATALOG,
      AT,
    );
    expect(feed.comparisons.map((comparison) => comparison.id)).toEqual([
      'cursor-v0-50-background-agent-codebase-refactoring-vs-ml-intern',
      'cursor-v0-50-background-agent-codebase-refactoring-vs-ml-intern-2',
    ]);
    expect(warnings).toContain(
      'data/pages/001_b.txt: comparison "cursor-v0-50-background-agent-codebase-refactoring-vs-ml-intern" already exists; this one is "cursor-v0-50-background-agent-codebase-refactoring-vs-ml-intern-2"',
    );
  });

  it('never lets an unknown tool take a catalog tool’s id', () => {
    const page = SHARED_PAGE.replaceAll('ml-intern', 'Cursor!');
    const { feed } = buildFeed([{ file: 'x.txt', text: page }], CATALOG, AT);
    expect(feed.tools.map((tool) => tool.id)).toEqual(['cursor', 'cursor-2']);
  });

  it('page problems name the file', () => {
    const cut = {
      file: 'data/pages/003_cut.txt',
      text: SHARED_PAGE.slice(0, SHARED_PAGE.indexOf('Reviewer scorecard')),
    };
    expect(() => buildFeed([SHARED, cut], CATALOG, AT)).toThrow(PageError);
    expect(() => buildFeed([SHARED, cut], CATALOG, AT)).toThrow(
      /^data\/pages\/003_cut\.txt: no "Reviewer scorecard" section/,
    );
  });

  it('throws FeedBuildError when the result would not be a valid feed', () => {
    expect(() => buildFeed([SHARED], CATALOG, 'yesterday')).toThrow(FeedBuildError);
    expect(() => buildFeed([SHARED], CATALOG, 'yesterday')).toThrow(/generatedAt: /);
  });
});
