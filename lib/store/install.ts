import type { Feed } from '../feed/schema';
import type { MetaRow } from '../model/dataset-meta';
import { toolMatchKeys } from '../model/match-keys';
import { buildAnswerRows } from './answer-rows';
import { DATA_TABLES, type VerdictDb } from './db';
import { badgesFromAnswers, buildLookupIndex } from './lookup-index';
import { verdictRow, type MatchKeyRow, type RankedVerdict, type ToolRow } from './rows';
import { orderByRecency } from './verdict-order';

/** Rows are written in chunks so a 100,000-tool feed does not build one giant request. */
const CHUNK = 2000;

export interface InstallSource {
  source: string;
  etag?: string | null;
  lastModified?: string | null;
}

function rankedVerdicts(feed: Feed): RankedVerdict[] {
  const byTool = new Map<string, Feed['verdicts']>();
  for (const v of feed.verdicts) {
    const list = byTool.get(v.toolId);
    if (list) list.push(v);
    else byTool.set(v.toolId, [v]);
  }
  const rows: RankedVerdict[] = [];
  for (const list of byTool.values()) {
    const ordered = orderByRecency(list);
    ordered.forEach((v, i) => rows.push({ ...v, recency: ordered.length - i }));
  }
  return rows;
}

function matchKeyRows(feed: Feed): MatchKeyRow[] {
  return feed.tools.flatMap((tool) =>
    toolMatchKeys(tool.match).map((key) => ({ key, toolId: tool.id })),
  );
}

/** Every row an install writes, by table: also the bench's floor (a raw bulkPut of these). */
export function datasetRows(feed: Feed) {
  const tools: ToolRow[] = feed.tools.map((t) => ({ ...t, nameLower: t.name.toLowerCase() }));
  const ranked = rankedVerdicts(feed);
  const matchKeys = matchKeyRows(feed);
  const answers = buildAnswerRows(tools, ranked, feed.comparisons);
  return {
    tools,
    verdicts: ranked.map(verdictRow),
    reviewers: feed.reviewers,
    comparisons: feed.comparisons,
    matchKeys,
    answers,
    lookupIndex: [buildLookupIndex(matchKeys, badgesFromAnswers(answers))],
  } satisfies Record<(typeof DATA_TABLES)[number], readonly object[]>;
}

/**
 * Replaces the whole dataset and the meta record in one read-write transaction, so a reader (or a
 * worker killed half way) sees either the old dataset or the new one, never a mix. Only Dexie
 * calls are awaited inside: awaiting anything else would let IndexedDB auto-commit the transaction.
 */
export async function installFeed(
  db: VerdictDb,
  feed: Feed,
  from: InstallSource,
  now = new Date(),
): Promise<MetaRow> {
  const rows = datasetRows(feed);
  const previous = await db.meta.get('current');
  const at = now.toISOString();
  const meta: MetaRow = {
    id: 'current',
    source: from.source,
    version: feed.version,
    generatedAt: feed.generatedAt,
    etag: from.etag ?? null,
    lastModified: from.lastModified ?? null,
    counts: {
      tools: feed.tools.length,
      verdicts: feed.verdicts.length,
      reviewers: feed.reviewers.length,
      comparisons: feed.comparisons.length,
    },
    installedAt: at,
    lastCheckedAt: from.source === 'bundled' ? (previous?.lastCheckedAt ?? null) : at,
    lastSuccessAt: from.source === 'bundled' ? (previous?.lastSuccessAt ?? null) : at,
    lastError: null,
    failures: 0,
  };
  const tables = DATA_TABLES.map((name) => db.table(name));
  await db.transaction('rw', [...tables, db.meta], async () => {
    await Promise.all(tables.map((t) => t.clear()));
    for (const name of DATA_TABLES) {
      const table: readonly object[] = rows[name];
      for (let i = 0; i < table.length; i += CHUNK) {
        await db.table(name).bulkAdd(table.slice(i, i + CHUNK));
      }
    }
    await db.meta.put(meta);
  });
  return meta;
}

export async function readMeta(db: VerdictDb): Promise<MetaRow | undefined> {
  return db.meta.get('current');
}

/** True when no dataset is installed yet (first run, or a wiped profile). */
export async function isEmpty(db: VerdictDb): Promise<boolean> {
  return (await db.meta.get('current')) === undefined;
}
