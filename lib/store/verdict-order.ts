import type { Verdict } from '../feed/schema';

/** `Cursor v0.50 – …` → [0, 50]; `Foo 2.1.3` → [2, 1, 3]; none → []. */
export function versionOf(title: string): number[] {
  const m = /(?:^|[\s(])v?(\d+(?:\.\d+)+|\d+)(?=$|[\s),:–-])/i.exec(title);
  return m?.[1] ? m[1].split('.').map(Number) : [];
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Newest first. Pages carry no dates, so: an explicit `publishedAt` wins (dated verdicts come
 * first); undated ones follow the later position in the feed (pages are imported in publication
 * order), except that verdicts whose titles carry a release number are ordered by it among the
 * places they hold (Cursor v0.50 before Cursor v0.49). A title without a number says nothing
 * about its age relative to a numbered one, so it keeps its feed place: comparing it with them
 * would make the order depend on the sort's visiting order.
 */
export function orderByRecency<T extends Pick<Verdict, 'title' | 'publishedAt'>>(
  verdicts: readonly T[],
): T[] {
  const keyed = verdicts.map((v, index) => ({
    v,
    index,
    time: v.publishedAt ? Date.parse(v.publishedAt) : Number.NaN,
    version: versionOf(v.title),
  }));
  type Keyed = (typeof keyed)[number];
  const byVersion = (a: Keyed, b: Keyed) =>
    compareVersions(b.version, a.version) || b.index - a.index;
  const dated = keyed
    .filter((k) => !Number.isNaN(k.time))
    .sort((a, b) => b.time - a.time || byVersion(a, b));
  const undated = keyed.filter((k) => Number.isNaN(k.time)).sort((a, b) => b.index - a.index);
  const numbered = undated.filter((k) => k.version.length > 0).sort(byVersion);
  let next = 0;
  const placed = undated.map((k) => (k.version.length > 0 ? numbered[next++]! : k));
  return [...dated, ...placed].map((k) => k.v);
}
