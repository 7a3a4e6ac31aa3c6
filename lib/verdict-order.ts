import type { Verdict } from './schema';

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
 * Newest first. Pages carry no dates, so: an explicit `publishedAt` wins, then the release number
 * in the title (Cursor v0.50 before Cursor v0.49), then the later position in the feed.
 */
export function orderByRecency<T extends Pick<Verdict, 'title' | 'publishedAt'>>(
  verdicts: readonly T[],
): T[] {
  const keyed = verdicts.map((v, index) => ({
    v,
    index,
    time: v.publishedAt ? Date.parse(v.publishedAt) : -Infinity,
    version: versionOf(v.title),
  }));
  keyed.sort(
    (a, b) => b.time - a.time || compareVersions(b.version, a.version) || b.index - a.index,
  );
  return keyed.map((k) => k.v);
}
