/**
 * Code-unit order, the order `<` gives strings: what every sorted structure here is built and
 * searched with (localeCompare would disagree with `<` and break the binary searches).
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * First position in a sorted sequence (`count` items, `keyAt(i)`) whose key is not below `q`,
 * from `from` on (a merge walking forward searches only what is left).
 */
export function lowerBound(
  count: number,
  keyAt: (i: number) => string,
  q: string,
  from = 0,
): number {
  let lo = from;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(mid) < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
