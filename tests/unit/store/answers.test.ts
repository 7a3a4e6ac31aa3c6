import { afterEach, describe, expect, it } from 'vitest';
import type { VerdictDb } from '../../../lib/store/db';
import { installFeed } from '../../../lib/store/install';
import { answerForTool } from '../../../lib/store/answers';
import { LookupIndex } from '../../../lib/store/lookup-index';
import { domainKeysForHost, githubKey } from '../../../lib/model/match-keys';
import { dropDbs, freshDb } from '../support/db';
import { cursorFeed, SYNTHETIC_REVIEWERS, toFeed, type FeedJson } from '../support/feeds';

const SOURCE = 'https://feeds.synthetic.test/verdicts.json';

afterEach(dropDbs);

async function dbWith(json: FeedJson = cursorFeed()): Promise<VerdictDb> {
  const db = freshDb();
  await installFeed(db, toFeed(json), { source: SOURCE }, new Date('2025-03-01T00:00:00Z'));
  return db;
}

/** cursorFeed with publishedAt set per verdict id. */
function withDates(dates: Record<string, string>, order: 'old-first' | 'new-first' = 'old-first') {
  const feed = cursorFeed(order);
  for (const v of feed.verdicts) if (dates[v.id]) v.publishedAt = dates[v.id];
  return feed;
}

/** The tool the installed dataset's lookup index gives for these keys. */
async function toolIdForKeys(db: VerdictDb, keys: readonly string[]): Promise<string | null> {
  const row = await db.lookupIndex.get('current');
  return row ? (new LookupIndex(row).find(keys)?.toolId ?? null) : null;
}

describe('the installed lookup index', () => {
  it.each([
    ['docs.cursor.com', 'cursor-docs'],
    ['Docs.Cursor.COM', 'cursor-docs'],
    ['a.docs.cursor.com', 'cursor-docs'],
    ['cursor.com', 'cursor'],
    ['www.cursor.com', 'cursor'],
    ['CURSOR.com.', 'cursor'],
    ['windsurf.com', 'windsurf'],
    ['notcursor.com', null],
    ['cursor.co', null],
  ])('host %s → %s (most specific key first)', async (host, toolId) => {
    const db = await dbWith();
    expect(await toolIdForKeys(db, domainKeysForHost(host))).toBe(toolId);
  });

  it('follows the order of the keys it is given', async () => {
    const db = await dbWith();
    expect(await toolIdForKeys(db, ['domain:cursor.com', 'domain:docs.cursor.com'])).toBe('cursor');
    expect(await toolIdForKeys(db, ['domain:nothing.test', 'domain:docs.cursor.com'])).toBe(
      'cursor-docs',
    );
  });

  it('finds GitHub repos case-insensitively through the key builder', async () => {
    const db = await dbWith();
    expect(await toolIdForKeys(db, [githubKey('GetCursor/Cursor')])).toBe('cursor');
    expect(await toolIdForKeys(db, [githubKey('getcursor/other')])).toBeNull();
  });

  it('answers null for no keys', async () => {
    expect(await toolIdForKeys(await dbWith(), [])).toBeNull();
  });
});

describe('answerForTool', () => {
  it.each(['old-first', 'new-first'] as const)(
    'shows the newest release whatever the feed order (%s)',
    async (order) => {
      const db = await dbWith(cursorFeed(order));
      const answer = await answerForTool(db, 'cursor');
      expect(answer?.verdict.id).toBe('cursor-v0-50');
      expect(answer?.verdicts.map((v) => v.id)).toEqual(['cursor-v0-50', 'cursor-v0-49']);
    },
  );

  it('lets publishedAt win over the release number', async () => {
    const both = withDates({
      'cursor-v0-49': '2025-05-01T00:00:00Z',
      'cursor-v0-50': '2025-04-01T00:00:00Z',
    });
    expect((await answerForTool(await dbWith(both), 'cursor'))?.verdict.id).toBe('cursor-v0-49');
    const one = withDates({ 'cursor-v0-49': '2025-05-01T00:00:00Z' }, 'new-first');
    expect((await answerForTool(await dbWith(one), 'cursor'))?.verdict.id).toBe('cursor-v0-49');
  });

  it('returns the whole answer for the shown verdict', async () => {
    const db = await dbWith();
    const answer = await answerForTool(db, 'cursor');
    const feed = toFeed(cursorFeed());
    expect(answer).toEqual({
      tool: feed.tools.find((t) => t.id === 'cursor'),
      verdict: feed.verdicts.find((v) => v.id === 'cursor-v0-50'),
      verdicts: [
        {
          id: 'cursor-v0-50',
          title: 'Cursor v0.50 – synthetic release',
          panelShip: 80,
          toolId: 'cursor',
          toolName: 'Cursor (synthetic)',
        },
        {
          id: 'cursor-v0-49',
          title: 'Cursor v0.49 – synthetic release',
          panelShip: 60,
          toolId: 'cursor',
          toolName: 'Cursor (synthetic)',
        },
      ],
      comparisons: [
        {
          id: 'cursor-vs-windsurf-synthetic',
          title: 'Cursor vs Windsurf (synthetic)',
          partners: [
            {
              id: 'windsurf-synthetic',
              title: 'Windsurf – synthetic',
              panelShip: 40,
              toolId: 'windsurf',
              toolName: 'Windsurf (synthetic)',
            },
          ],
        },
      ],
      reviewers: expect.arrayContaining(SYNTHETIC_REVIEWERS),
      dataset: { source: SOURCE, generatedAt: feed.generatedAt },
    });
    expect(answer?.reviewers).toHaveLength(SYNTHETIC_REVIEWERS.length);
    expect(answer?.verdict).not.toHaveProperty('recency');
    expect(answer?.tool).not.toHaveProperty('nameLower');
  });

  it('finds comparison partners from the other side too', async () => {
    const answer = await answerForTool(await dbWith(), 'windsurf');
    expect(answer?.comparisons[0]?.partners.map((p) => p.id)).toEqual(['cursor-v0-50']);
    expect(answer?.comparisons[0]?.partners[0]?.toolName).toBe('Cursor (synthetic)');
  });

  it('returns the asked-for verdict, with its own comparisons', async () => {
    const answer = await answerForTool(await dbWith(), 'cursor', 'cursor-v0-49');
    expect(answer?.verdict.id).toBe('cursor-v0-49');
    expect(answer?.verdict.title).toBe('Cursor v0.49 – synthetic release');
    expect(answer?.verdicts.map((v) => v.id)).toEqual(['cursor-v0-50', 'cursor-v0-49']);
    expect(answer?.comparisons).toEqual([]);
  });

  it.each([
    ['an unknown tool', 'synthetic-nothing', undefined],
    ['an unknown verdict', 'cursor', 'cursor-v9-99'],
    ["another tool's verdict", 'cursor', 'windsurf-synthetic'],
  ])('answers null for %s', async (_name, toolId, verdictId) => {
    expect(await answerForTool(await dbWith(), toolId, verdictId)).toBeNull();
  });

  it('answers null on an empty database', async () => {
    expect(await answerForTool(freshDb(), 'cursor')).toBeNull();
  });
});
