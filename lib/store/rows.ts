import type { Tool, Verdict } from '../feed/schema';
import type { VerdictSummary } from '../model/answers';
import type { MatchKey } from '../model/match-keys';

/**
 * The rows of the worker's IndexedDB tables, apart from the Dexie class (db.ts) so the modules
 * that build rows (install, answer rows, the lookup index) need not import the database.
 */

/** A verdict with its place among the tool's verdicts: higher `recency` is newer (verdict-order.ts). */
export type RankedVerdict = Verdict & { recency: number };

/**
 * A verdict as the `verdicts` table keeps it: what search and id lookups need. The whole verdict
 * (reviews and all) is stored once, in its tool's answer row.
 */
export type VerdictRow = Pick<Verdict, 'id' | 'toolId' | 'title' | 'panelShip' | 'publishedAt'> &
  // Since schema version 4: what the library filters by (rows of version 3 get them on upgrade).
  Partial<Pick<Verdict, 'category' | 'entry'>> & {
    recency: number;
  };

export const verdictRow = ({
  id,
  toolId,
  title,
  panelShip,
  category,
  entry,
  publishedAt,
  recency,
}: RankedVerdict): VerdictRow => ({
  id,
  toolId,
  title,
  panelShip,
  category,
  entry,
  ...(publishedAt ? { publishedAt } : {}),
  recency,
});

export type ToolRow = Tool & { nameLower: string };

/**
 * A tool's precomputed answer (answer-rows.ts): all its verdicts, newest first. Only the tool's
 * own data: since schema version 5 the comparisons are read with the answer (answers.ts).
 */
export interface AnswerRow {
  toolId: string;
  tool: Tool;
  verdicts: Verdict[];
  summaries: VerdictSummary[];
}

export interface MatchKeyRow {
  key: MatchKey;
  toolId: string;
}

/**
 * Every match key of every tool, and each rated tool's badge, packed so the worker can hold it
 * after one read on wake: at 100,000 tools, 300,000 keys as separate strings or objects take a
 * second to revive, two strings and three typed arrays a few milliseconds. Keys are sorted
 * (code-unit order, as `<` compares) and found by binary search (lookup-index.ts).
 */
export interface LookupIndexRow {
  id: 'current';
  /** The sorted keys, concatenated; key i is keys.slice(keyStarts[i], keyStarts[i + 1]). */
  keys: string;
  keyStarts: Uint32Array;
  /** Per key: the index of its tool's badge, or UNRATED. */
  keyBadges: Uint32Array;
  /** JSON arrays [toolId, toolName, verdictId, panelShip], concatenated; same slicing. */
  badges: string;
  badgeStarts: Uint32Array;
}
