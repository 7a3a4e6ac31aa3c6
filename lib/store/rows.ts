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
 * The id of a packed index part (both index tables). A dataset's index is one or more base
 * parts over disjoint tools: `current` (an install from one document, a repair) or one per shard
 * of a v2 install (`s0000`…, written with the shard, so no install ever holds the whole index);
 * plus at most one `overlay` that incremental changes rewrite: the touched tools' rows, and which
 * base rows it hides (`drops`). A change never reads or writes a base part.
 */
export type IndexPartId = 'current' | 'overlay' | `s${string}`;

export const OVERLAY: IndexPartId = 'overlay';

/**
 * Every match key of every tool, and each rated tool's badge, packed so the worker can hold it
 * after one read on wake: at 100,000 tools, 300,000 keys as separate strings or objects take a
 * second to revive, two strings and three typed arrays a few milliseconds. Keys are sorted
 * (code-unit order, as `<` compares) and found by binary search (lookup-index.ts).
 */
export interface LookupIndexRow {
  id: IndexPartId;
  /** The overlay's: the tools whose keys it holds, and the base keys it hides. */
  tools?: string[];
  drops?: string[];
  /** The sorted keys, concatenated; key i is keys.slice(keyStarts[i], keyStarts[i + 1]). */
  keys: string;
  keyStarts: Uint32Array;
  /** Per key: the index of its tool's badge, or UNRATED. */
  keyBadges: Uint32Array;
  /** JSON arrays [toolId, toolName, verdictId, panelShip], concatenated; same slicing. */
  badges: string;
  badgeStarts: Uint32Array;
}

/**
 * The search index over every verdict, packed like the lookup index so a worker revives it from
 * one read (search-pack.ts builds and merges it, search-query.ts searches it). Entries (one per
 * verdict) are sorted by their first key (the normalized title), then id; per-entry columns are
 * typed arrays, text is concatenated with offsets.
 */
export interface SearchIndexRow {
  id: IndexPartId;
  /** The overlay's: the verdict ids whose base entries it hides (see IndexPartId). */
  drops?: string[];
  /** Entry i's verdict id is ids.slice(idStarts[i], idStarts[i + 1]). */
  ids: string;
  idStarts: Uint32Array;
  /** Entry i's JSON [title, toolId, toolName, publishedAt | null]; the same slicing. */
  items: string;
  itemStarts: Uint32Array;
  /**
   * Every entry's normalized keys, entry after entry, each followed by a line break (so a
   * substring match never runs from one key into the next): key k is
   * keys.slice(keyStarts[k], keyStarts[k + 1] - 1), and entry i has keys entryKeys[i] to
   * entryKeys[i + 1] - 1.
   */
  keys: string;
  keyStarts: Uint32Array;
  entryKeys: Uint32Array;
  /** Every key number, in key order (code units), then entry. */
  keyOrder: Uint32Array;
  panelShip: Uint8Array;
  recency: Uint16Array;
  /** Milliseconds of publishedAt; -Infinity without one. */
  time: Float64Array;
  /** Per entry: its place in the labels' categories, and in their entries. */
  category: Uint32Array;
  entry: Uint32Array;
  /** JSON [categories, entries], each sorted and without repeats. */
  labels: string;
  /** Entry numbers by ship score (highest first), and by date (see search-query.ts). */
  byShip: Uint32Array;
  byDate: Uint32Array;
}
