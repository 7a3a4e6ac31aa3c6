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

/**
 * Items `from` to `to` (exclusive) of the merge of sorted lists, by `compare` (ties: the earlier
 * list first), without merging the rest: a heap of the lists' heads, so a window costs
 * (to) · log(lists) comparisons however long the lists are.
 */
export function mergedWindow<T>(
  lists: readonly (readonly T[])[],
  compare: (a: T, b: T) => number,
  from: number,
  to: number,
): T[] {
  const live = lists.map((list, n) => ({ list, n, at: 0 })).filter((c) => c.list.length > 0);
  if (live.length === 1) return live[0]!.list.slice(from, to);
  const before = (a: (typeof live)[number], b: (typeof live)[number]) =>
    (compare(a.list[a.at]!, b.list[b.at]!) || a.n - b.n) < 0;
  const heap = live;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  const out: T[] = [];
  for (let n = 0; n < to && heap.length > 0; n++) {
    const top = heap[0]!;
    if (n >= from) out.push(top.list[top.at]!);
    top.at++;
    if (top.at === top.list.length) {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
    }
    if (heap.length > 0) down(0);
  }
  return out;
}
