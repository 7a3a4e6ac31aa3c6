import type { Tool } from '../feed/schema';
import type { BadgeSummary } from '../model/answers';
import type { MatchKey } from '../model/match-keys';
import { byText, lowerBound } from '../model/sorted';
import { runNow, sortInSteps, STEP_ITEMS, type Steps } from '../model/steps';
import {
  OVERLAY,
  type AnswerRow,
  type LookupIndexRow,
  type MatchKeyRow,
  type VerdictRow,
} from './rows';

// The packed match-key index (its layout is LookupIndexRow in rows.ts): built with every
// install, read once per worker wake, searched in memory.

/** The badge index of a key whose tool has no verdict. */
export const UNRATED = 0xffffffff;

/** A badge as the index packs it. */
export const badgeJson = (b: BadgeSummary): string =>
  JSON.stringify([b.toolId, b.toolName, b.verdictId, b.panelShip]);

/** Each tool's badge from its precomputed answer (verdicts newest first), as an install has them. */
export function badgesFromAnswers(answers: readonly AnswerRow[]): BadgeSummary[] {
  return answers.flatMap(({ toolId, tool, verdicts: [newest] }) =>
    newest
      ? [{ toolId, toolName: tool.name, verdictId: newest.id, panelShip: newest.panelShip }]
      : [],
  );
}

/** The same from the slim rows (higher recency is newer), for a schema upgrade to read less. */
export function badgesFromRows(
  tools: readonly Pick<Tool, 'id' | 'name'>[],
  verdicts: readonly VerdictRow[],
): BadgeSummary[] {
  const newest = new Map<string, VerdictRow>();
  for (const v of verdicts) {
    const seen = newest.get(v.toolId);
    if (!seen || v.recency > seen.recency) newest.set(v.toolId, v);
  }
  return tools.flatMap(({ id, name }) => {
    const v = newest.get(id);
    return v ? [{ toolId: id, toolName: name, verdictId: v.id, panelShip: v.panelShip }] : [];
  });
}

/** The packed index, in steps: two sorts and linear passes (model/steps.ts). */
export function* lookupIndexSteps(
  matchKeys: readonly MatchKeyRow[],
  badges: readonly BadgeSummary[],
): Steps<LookupIndexRow> {
  const badgeOf = new Map<string, number>();
  const badgeParts: string[] = [];
  const badgeStarts = new Uint32Array(badges.length + 1);
  let at = 0;
  // By tool id, so a dataset packs the same however its rows were read (feed order on install,
  // key order on a schema upgrade).
  const byTool = yield* sortInSteps(badges, (a, b) => byText(a.toolId, b.toolId));
  for (const b of byTool) {
    const json = badgeJson(b);
    badgeStarts[badgeParts.length] = at;
    badgeOf.set(b.toolId, badgeParts.length);
    badgeParts.push(json);
    at += json.length;
    if (badgeParts.length % STEP_ITEMS === 0) yield;
  }
  badgeStarts[badgeParts.length] = at;

  // Every tool's keys, rated or not: the most specific key names the page's tool, and a tool
  // without a verdict gets no badge rather than its parent domain's.
  const sorted = yield* sortInSteps(matchKeys, (a, b) => byText(a.key, b.key));
  const keyStarts = new Uint32Array(sorted.length + 1);
  const keyBadges = new Uint32Array(sorted.length);
  const keyParts: string[] = [];
  let offset = 0;
  for (let i = 0; i < sorted.length; i++) {
    const k = sorted[i]!;
    keyStarts[i] = offset;
    keyBadges[i] = badgeOf.get(k.toolId) ?? UNRATED;
    keyParts.push(k.key);
    offset += k.key.length;
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  keyStarts[sorted.length] = offset;
  return {
    id: 'current',
    keys: keyParts.join(''),
    keyStarts,
    keyBadges,
    badges: badgeParts.join(''),
    badgeStarts: badgeStarts.slice(0, badgeParts.length + 1),
  };
}

/** The same at once (a schema upgrade, tests). */
export const buildLookupIndex = (
  matchKeys: readonly MatchKeyRow[],
  badges: readonly BadgeSummary[],
): LookupIndexRow => runNow(lookupIndexSteps(matchKeys, badges));

/** Where `key` is in one part, or -1. */
function positionIn(row: LookupIndexRow, key: string): number {
  const { keys, keyStarts } = row;
  const count = row.keyBadges.length;
  const keyAt = (i: number) => keys.slice(keyStarts[i], keyStarts[i + 1]);
  const i = lowerBound(count, keyAt, key);
  return i < count && keyAt(i) === key ? i : -1;
}

function badgeIn(row: LookupIndexRow, key: number): BadgeSummary | null {
  const i = row.keyBadges[key] ?? UNRATED;
  if (i === UNRATED) return null;
  const { badges, badgeStarts } = row;
  const parsed: unknown = JSON.parse(badges.slice(badgeStarts[i], badgeStarts[i + 1]));
  if (!Array.isArray(parsed)) return null;
  const [toolId, toolName, verdictId, panelShip] = parsed as [string, string, string, number];
  return { toolId, toolName, verdictId, panelShip };
}

/**
 * Looks keys up in a packed index, in memory: its base parts (disjoint) and the overlay, which
 * answers first and hides the base keys of the tools it holds (rows.ts IndexPartId).
 */
export class LookupIndex {
  private readonly base: readonly LookupIndexRow[];
  private readonly overlay: LookupIndexRow | null;
  private readonly drops: ReadonlySet<string>;

  constructor(parts: LookupIndexRow | readonly LookupIndexRow[]) {
    const list: readonly LookupIndexRow[] = Array.isArray(parts) ? parts : [parts];
    this.overlay = list.find((p) => p.id === OVERLAY) ?? null;
    this.base = list.filter((p) => p.id !== OVERLAY);
    this.drops = new Set(this.overlay?.drops ?? []);
  }

  /** How many keys it answers (the dropped keys were all in the base). */
  get size(): number {
    let n = (this.overlay?.keyBadges.length ?? 0) - this.drops.size;
    for (const part of this.base) n += part.keyBadges.length;
    return n;
  }

  /** The badge of the first key (most specific first) that belongs to a tool; null when that
   * tool has no verdict, or no key belongs to one. */
  find(keys: readonly MatchKey[]): BadgeSummary | null {
    for (const key of keys) {
      if (this.overlay) {
        const i = positionIn(this.overlay, key);
        if (i >= 0) return badgeIn(this.overlay, i);
      }
      if (this.drops.has(key)) continue;
      for (const part of this.base) {
        const i = positionIn(part, key);
        if (i >= 0) return badgeIn(part, i);
      }
    }
    return null;
  }
}

/**
 * The worker's copy of the index: read once per worker life, dropped when another dataset is
 * installed. A read that started before an install may answer the lookups that started with it.
 */
export interface LookupIndexCache {
  get(): Promise<LookupIndex>;
  invalidate(): void;
}

export function createLookupIndexCache(
  read: () => Promise<readonly LookupIndexRow[]>,
): LookupIndexCache {
  let current: Promise<LookupIndex> | null = null;
  return {
    get(): Promise<LookupIndex> {
      const loading = (current ??= read().then((parts) => new LookupIndex(parts)));
      // A failed read is not kept: the next lookup tries again.
      loading.catch(() => {
        if (current === loading) current = null;
      });
      return loading;
    },
    invalidate(): void {
      current = null;
    },
  };
}
