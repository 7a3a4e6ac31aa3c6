import type { Feed } from '../feed/schema';
import type { MetaRow } from '../model/dataset-meta';
import { toolMatchKeys } from '../model/match-keys';
import {
  checkBudget,
  runNow,
  runYielding,
  STEP_ITEMS,
  type Budget,
  type Steps,
} from '../model/steps';
import { answerRowSteps } from './answer-rows';
import { DATA_TABLES, type VerdictDb } from './db';
import { badgesFromAnswers, lookupIndexSteps } from './lookup-index';
import { verdictRow, type MatchKeyRow, type RankedVerdict, type ToolRow } from './rows';
import { orderByRecency } from './verdict-order';

/** Rows are written in chunks so a 100,000-tool feed does not build one giant request. */
const CHUNK = 2000;

export interface InstallSource {
  source: string;
  etag?: string | null;
  lastModified?: string | null;
}

function* rankedVerdicts(feed: Feed): Steps<RankedVerdict[]> {
  const byTool = new Map<string, Feed['verdicts']>();
  for (const v of feed.verdicts) {
    const list = byTool.get(v.toolId);
    if (list) list.push(v);
    else byTool.set(v.toolId, [v]);
  }
  yield;
  const rows: RankedVerdict[] = [];
  let n = 0;
  // Each tool's list is capped (LIMITS.verdictsPerTool), so each sort is small.
  for (const list of byTool.values()) {
    const ordered = orderByRecency(list);
    ordered.forEach((v, i) => rows.push({ ...v, recency: ordered.length - i }));
    if (++n % STEP_ITEMS === 0) yield;
  }
  return rows;
}

function* matchKeyRows(feed: Feed): Steps<MatchKeyRow[]> {
  const rows: MatchKeyRow[] = [];
  for (let i = 0; i < feed.tools.length; i++) {
    const tool = feed.tools[i]!;
    for (const key of toolMatchKeys(tool.match)) rows.push({ key, toolId: tool.id });
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  return rows;
}

/** Every row an install writes, by table, in steps (model/steps.ts). */
export function* datasetRowSteps(feed: Feed) {
  const tools: ToolRow[] = feed.tools.map((t) => ({ ...t, nameLower: t.name.toLowerCase() }));
  yield;
  const ranked = yield* rankedVerdicts(feed);
  const matchKeys = yield* matchKeyRows(feed);
  const answers = yield* answerRowSteps(tools, ranked, feed.comparisons);
  const verdicts = ranked.map(verdictRow);
  yield;
  const lookupIndex = yield* lookupIndexSteps(matchKeys, badgesFromAnswers(answers));
  return {
    tools,
    verdicts,
    reviewers: feed.reviewers,
    comparisons: feed.comparisons,
    matchKeys,
    answers,
    lookupIndex: [lookupIndex],
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
