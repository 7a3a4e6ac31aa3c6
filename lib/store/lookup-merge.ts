import type { BadgeSummary } from '../model/answers';
import { byText, lowerBound } from '../model/sorted';
import { IndexMismatch } from './index-mismatch';
import { badgeJson, UNRATED } from './lookup-index';
import type { LookupIndexRow, MatchKeyRow } from './rows';

/**
 * The packed lookup index (rows.ts) with some tools' keys and badges replaced: `removedKeys` and
 * the badges of `removedTools` out, `addedKeys` and `addedBadges` in. The kept keys and badges
 * are copied across in order (each changed one found by binary search, no re-sort), so the
 * result is the row a build from the resulting rows gives. Throws IndexMismatch when a removed
 * key is not there, an added one is and stays, or a kept key's badge was removed.
 */
export function mergeLookupRow(
  old: LookupIndexRow,
  removedKeys: ReadonlySet<string>,
  removedTools: ReadonlySet<string>,
  addedKeys: readonly MatchKeyRow[],
  addedBadges: readonly BadgeSummary[],
): LookupIndexRow {
  const badgeCount = old.badgeStarts.length - 1;
  const badgeAt = (i: number) => old.badges.slice(old.badgeStarts[i], old.badgeStarts[i + 1]);
  const toolAt = (i: number) => (JSON.parse(badgeAt(i)) as [string])[0];
  const badgeGone = new Uint8Array(badgeCount);
  for (const toolId of removedTools) {
    const i = lowerBound(badgeCount, toolAt, toolId);
    if (i < badgeCount && toolAt(i) === toolId) badgeGone[i] = 1;
  }
  const newBadges = [...addedBadges].sort((a, b) => byText(a.toolId, b.toolId));
  // Where each added badge goes (before old badge badgeIns[j]): a binary search each, so no old
  // badge is parsed but those it probes.
  const badgeIns = newBadges.map((b) => {
    const i = lowerBound(badgeCount, toolAt, b.toolId);
    if (i < badgeCount && !badgeGone[i] && toolAt(i) === b.toolId)
      throw new IndexMismatch(`lookup index: tool "${b.toolId}" already has a badge`);
    return i;
  });
  const badgeMap = new Int32Array(badgeCount).fill(-1);
  const badgeOf = new Map<string, number>();
  const badgeParts: string[] = [];
  const badgeStarts: number[] = [];
  let at = 0;
  const pushBadge = (json: string) => {
    badgeStarts.push(at);
    badgeParts.push(json);
    at += json.length;
    return badgeParts.length - 1;
  };
  for (let i = 0, j = 0; i < badgeCount || j < newBadges.length;) {
    if (j < newBadges.length && badgeIns[j]! <= i) {
      const added = newBadges[j++]!;
      badgeOf.set(added.toolId, pushBadge(badgeJson(added)));
    } else {
      if (!badgeGone[i]) badgeMap[i] = pushBadge(badgeAt(i));
      i++;
    }
  }
  badgeStarts.push(at);

  const keyCount = old.keyBadges.length;
  const keyAt = (i: number) => old.keys.slice(old.keyStarts[i], old.keyStarts[i + 1]);
  const keyGone = new Uint8Array(keyCount);
  for (const key of removedKeys) {
    const i = lowerBound(keyCount, keyAt, key);
    if (i >= keyCount || keyAt(i) !== key)
      throw new IndexMismatch(`lookup index: "${key}" is not in it`);
    keyGone[i] = 1;
  }
  const newKeys = [...addedKeys].sort((a, b) => byText(a.key, b.key));
  const keyIns = newKeys.map((k) => {
    const i = lowerBound(keyCount, keyAt, k.key);
    if (i < keyCount && !keyGone[i] && keyAt(i) === k.key)
      throw new IndexMismatch(`lookup index: "${k.key}" is already in it`);
    return i;
  });
  const total = keyCount - removedKeys.size + newKeys.length;
  const keyStarts = new Uint32Array(total + 1);
  const keyBadges = new Uint32Array(total);
  const keyParts: string[] = [];
  let offset = 0;
  let n = 0;
  const pushKey = (key: string, badge: number) => {
    keyStarts[n] = offset;
    keyBadges[n++] = badge;
    keyParts.push(key);
    offset += key.length;
  };
  for (let i = 0, j = 0; i < keyCount || j < newKeys.length;) {
    if (j < newKeys.length && keyIns[j]! <= i) {
      const added = newKeys[j++]!;
      pushKey(added.key, badgeOf.get(added.toolId) ?? UNRATED);
      continue;
    }
    if (!keyGone[i]) {
      const badge = old.keyBadges[i]!;
      const mapped = badge === UNRATED ? UNRATED : badgeMap[badge]!;
      if (mapped < 0) throw new IndexMismatch(`lookup index: "${keyAt(i)}" lost its badge`);
      pushKey(keyAt(i), mapped);
    }
    i++;
  }
  keyStarts[n] = offset;
  return {
    id: 'current',
    keys: keyParts.join(''),
    keyStarts,
    keyBadges,
    badges: badgeParts.join(''),
    badgeStarts: Uint32Array.from(badgeStarts),
  };
}
