import type { Tool } from '../feed/schema';
import type { VerdictListItem } from '../model/answers';
import type { VerdictRow } from './rows';

/**
 * How names and queries are compared: lower case, and separators folded into single spaces, so
 * "ml intern" finds "ml-intern" and "huggingface/ml-intern" finds the repository
 * `huggingface/ml-intern`. Never yields a line break: the packed index separates keys with one.
 * En and em dashes are separators too ("Cursor v0.50 – notes"): besides, one of them in a title
 * made all the index's text two bytes a character, and its read twice as slow.
 */
export const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s\-\u2013\u2014_./:()[\],]+/g, ' ')
    .trim();

/** One verdict as the search index is built from it. */
export interface SearchSource extends VerdictListItem {
  /** Other names it is found by: the tool's aliases, ids, repositories and domains. */
  terms: readonly string[];
  /** Place among its tool's verdicts; higher is newer. */
  recency: number;
}

/** A verdict row and its tool (rows or feed records) as the index takes them. */
export function searchSource(v: VerdictRow, tool: Tool | undefined): SearchSource {
  const match = tool?.match;
  return {
    id: v.id,
    title: v.title,
    panelShip: v.panelShip,
    toolId: v.toolId,
    toolName: tool?.name ?? v.toolId,
    category: v.category ?? '',
    entry: v.entry ?? '',
    ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}),
    recency: v.recency,
    terms: [
      ...(tool?.aliases ?? []),
      v.id,
      v.toolId,
      ...(match?.github ?? []),
      ...(match?.huggingface ?? []),
      ...(match?.domains ?? []),
    ],
  };
}

/** The sources of some tools' verdict rows (an install's group, a change's tools). */
export function searchSourcesOf(
  tools: readonly Tool[],
  verdicts: readonly VerdictRow[],
): SearchSource[] {
  const byId = new Map(tools.map((t) => [t.id, t]));
  return verdicts.map((v) => searchSource(v, byId.get(v.toolId)));
}
