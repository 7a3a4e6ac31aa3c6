import type { VerdictDb } from '../db';
import { toolIdForKeys } from '../lookup';
import type { MatchKey } from '../match-keys';

/**
 * Match key → tool id, in the worker's memory, so a lookup skips one IndexedDB round trip and a
 * page without a verdict (most pages) is answered without touching the database at all. Built
 * after the first lookup of a worker's life, off that lookup's path; until it is ready, and
 * right after a new dataset is installed, lookups read the key table instead.
 */
export function createMatchIndex(db: VerdictDb) {
  let index: Map<MatchKey, string> | null = null;
  let loading: Promise<void> | null = null;
  let generation = 0;

  const load = (): void => {
    if (index || loading) return;
    const mine = generation;
    loading = db.matchKeys
      .toArray()
      .then((rows) => {
        if (mine === generation) index = new Map(rows.map((r) => [r.key, r.toolId]));
      })
      .catch(() => undefined)
      .finally(() => {
        loading = null;
      });
  };

  return {
    async toolIdFor(keys: readonly MatchKey[]): Promise<string | null> {
      if (index) {
        for (const key of keys) {
          const toolId = index.get(key);
          if (toolId !== undefined) return toolId;
        }
        return null;
      }
      const toolId = await toolIdForKeys(db, keys);
      setTimeout(load, 0);
      return toolId;
    },
    /** Whether lookups are answered from memory yet. */
    get loaded(): boolean {
      return index !== null;
    },
    /** After a new dataset is installed: the old index must not answer for it. */
    invalidate(): void {
      generation++;
      index = null;
    },
  };
}
