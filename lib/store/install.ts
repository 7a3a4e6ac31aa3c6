import type { Feed } from '../feed/schema';
import type { MetaRow } from '../model/dataset-meta';
import { checkBudget, runNow, runYielding, STEP_ITEMS, type Budget } from '../model/steps';
import { DATA_TABLES, type VerdictDb } from './db';
import { badgesFromAnswers, lookupIndexSteps } from './lookup-index';
import { groupRows, type GroupRows } from './group-rows';
import { searchRowSteps } from './search-pack';
import { searchSourcesOf } from './search-source';

/** Rows are written in chunks so a 100,000-tool feed does not build one giant request. */
const CHUNK = 2000;

export interface InstallSource {
  source: string;
  etag?: string | null;
  lastModified?: string | null;
}

/**
 * Every row an install writes, by table, in steps (model/steps.ts): the tools a step's worth at a
 * time, each with all its verdicts (groupRows), then the packed index over them.
 */
export function* datasetRowSteps(feed: Feed) {
  const ofTool = new Map<string, Feed['verdicts']>();
  for (const v of feed.verdicts) {
    const list = ofTool.get(v.toolId);
    if (list) list.push(v);
    else ofTool.set(v.toolId, [v]);
  }
  yield;
  const rows: GroupRows = { tools: [], verdicts: [], matchKeys: [], answers: [] };
  for (let i = 0; i < feed.tools.length; i += STEP_ITEMS) {
    const tools = feed.tools.slice(i, i + STEP_ITEMS);
    const group = groupRows(
      tools,
      tools.flatMap((t) => ofTool.get(t.id) ?? []),
    );
    for (const name of ['tools', 'verdicts', 'matchKeys', 'answers'] as const)
      for (const row of group[name]) (rows[name] as object[]).push(row);
    yield;
  }
  const lookupIndex = yield* lookupIndexSteps(rows.matchKeys, badgesFromAnswers(rows.answers));
  const searchIndex = yield* searchRowSteps(searchSourcesOf(feed.tools, rows.verdicts));
  return {
    ...rows,
    reviewers: feed.reviewers,
    comparisons: feed.comparisons,
    lookupIndex: [lookupIndex],
    searchIndex: [searchIndex],
  } satisfies Record<(typeof DATA_TABLES)[number], readonly object[]>;
}

/** The same at once: also the bench's floor (a raw bulkPut of these). */
export const datasetRows = (feed: Feed) => runNow(datasetRowSteps(feed));

/** How long checking and installing one feed may take before it is abandoned (docs/feed-format.md). */
export const INSTALL_BUDGET_MS = 90_000;

export interface InstallOptions {
  /** Past its deadline the install is abandoned (OverBudgetError) and the old dataset kept. */
  budget?: Budget;
  /** How long the row building runs before it gives the event loop a turn (model/steps.ts). */
  sliceMs?: number;
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
  options: InstallOptions = {},
): Promise<MetaRow> {
  // Built before the transaction, giving lookups their turns: inside it, awaiting anything but
  // Dexie would let IndexedDB commit it early.
  const rows = await runYielding(datasetRowSteps(feed), options);
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
        // Thrown here, it aborts the transaction: nothing of the new dataset stays.
        checkBudget(options.budget);
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
