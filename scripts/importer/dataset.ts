import { parseFeed } from '../../lib/feed/validate';
import type { Feed } from '../../lib/feed/schema';
import { buildFeed, type PageSource } from './build-feed';
import type { ToolCatalog } from './catalog';

/** Where `verdicts build` reads and writes, relative to the repository root. */
export const DATASET_PATHS = {
  pages: 'data/pages',
  catalog: 'data/tools.json',
  feed: 'public/data/feed.json',
} as const;

/** Page files `build` picks up; the content, not the extension, decides text or HTML. */
export const PAGE_FILE = /\.(?:txt|html?)$/i;

/** The committed form: 2-space JSON with a trailing newline, so diffs stay line-based. */
export function serializeFeed(feed: Feed): string {
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function withoutGeneratedAt(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  delete copy.generatedAt;
  return copy;
}

/** Whether two feeds carry the same data; only the build time may differ. */
export function sameFeedData(a: unknown, b: unknown): boolean {
  return JSON.stringify(withoutGeneratedAt(a)) === JSON.stringify(withoutGeneratedAt(b));
}

export interface DatasetPlan {
  /** False when the committed feed already holds this data: leave the file alone. */
  changed: boolean;
  /** The feed file's content after the build (the committed text when unchanged). */
  text: string;
  feed: Feed;
  warnings: string[];
}

/**
 * The pure part of `verdicts build`: rebuilds the feed and compares it with the committed one.
 * Rebuilding unchanged inputs must not touch the file, or every build would produce a diff
 * (a new generatedAt); a committed file that is not a valid feed is always replaced.
 */
export function planDatasetBuild(
  pages: readonly PageSource[],
  catalog: ToolCatalog,
  committedText: string | undefined,
  now: string,
): DatasetPlan {
  const { feed, warnings } = buildFeed(pages, catalog, now);
  if (committedText !== undefined) {
    let committed: unknown;
    try {
      committed = JSON.parse(committedText);
    } catch {
      committed = undefined;
    }
    const valid = parseFeed(committed);
    if (valid.ok && sameFeedData(committed, feed)) {
      return { changed: false, text: committedText, feed: valid.feed, warnings };
    }
  }
  return { changed: true, text: serializeFeed(feed), feed, warnings };
}
