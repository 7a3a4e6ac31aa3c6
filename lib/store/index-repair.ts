import { badgesFromRows, buildLookupIndex } from './lookup-index';
import type { VerdictDb } from './db';
import { OVERLAY, type LookupIndexRow } from './rows';

/** What the worker does with a lookup index that is gone or broken: rebuilds it, and says so. */
export type IndexProblem = 'missing' | 'corrupt';

const UNRATED = 0xffffffff;

/** Offsets that start at 0, never go back and end at the text's length. */
export function offsetsFit(starts: unknown, text: unknown): starts is Uint32Array {
  if (!(starts instanceof Uint32Array) || typeof text !== 'string' || starts.length === 0)
    return false;
  if (starts[0] !== 0 || starts[starts.length - 1] !== text.length) return false;
  for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) return false;
  return true;
}

/** Whether a stored index can be searched: every offset and badge reference in range. */
export function isIntactIndex(row: LookupIndexRow): boolean {
  const { keys, keyStarts, keyBadges, badges, badgeStarts } = row;
  if (!offsetsFit(keyStarts, keys) || !offsetsFit(badgeStarts, badges)) return false;
  if (!(keyBadges instanceof Uint32Array) || keyBadges.length !== keyStarts.length - 1)
    return false;
  const badgeCount = badgeStarts.length - 1;
  for (const b of keyBadges) if (b !== UNRATED && b >= badgeCount) return false;
  return row.id !== OVERLAY || (isTextList(row.tools) && isTextList(row.drops));
}

/**
 * Parts of either index that can answer: each intact, a base among them (an overlay alone would
 * answer for the changed tools only).
 */
export const isWholeIndex = <T extends { id: string }>(
  parts: readonly T[],
  intact: (part: T) => boolean,
): boolean => parts.some((p) => p.id !== OVERLAY) && parts.every(intact);

/** The overlay's lists (rows.ts IndexPartId). */
export const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * The lookup index as lookups read it: every part (rows.ts IndexPartId). Built with every
 * install in the same transaction, so it is missing or broken only when something else touched
 * the database (a profile restored in part, a disk error, a hand in the devtools): then every
 * page answered "no verdict" with nothing shown.
 * Now the index is rebuilt from the dataset's own rows, stored, and reported through `onRepair`.
 */
export async function readLookupIndex(
  db: VerdictDb,
  onRepair: (problem: IndexProblem) => void | Promise<void>,
): Promise<LookupIndexRow[]> {
  const [parts, meta] = await Promise.all([db.lookupIndex.toArray(), db.meta.get('current')]);
  if (isWholeIndex(parts, isIntactIndex)) return parts;
  // No dataset yet: nothing to rebuild from (the bundled install writes the index).
  if (!meta) return [];
  const rebuilt = await db.transaction(
    'rw',
    [db.matchKeys, db.tools, db.verdicts, db.lookupIndex],
    async () => {
      const [matchKeys, tools, verdicts] = await Promise.all([
        db.matchKeys.toArray(),
        db.tools.toArray(),
        db.verdicts.toArray(),
      ]);
      const built = buildLookupIndex(matchKeys, badgesFromRows(tools, verdicts));
      // One part in place of all of them: the others may be what was broken.
      await db.lookupIndex.clear();
      await db.lookupIndex.put(built);
      return built;
    },
  );
  await onRepair(parts.some((p) => p.id !== OVERLAY) ? 'corrupt' : 'missing');
  return [rebuilt];
}
