import type { Comparison } from '../feed/schema';
import type { ComparisonSummary, VerdictSummary } from '../model/answers';
import { byText } from '../model/sorted';
import type { AnswerRow, RankedVerdict, ToolRow } from './rows';

/**
 * Each tool's whole answer, computed once when a dataset is installed, so opening a popover is
 * one read instead of a chain of reads across five tables.
 */
export function buildAnswerRows(
  tools: readonly ToolRow[],
  verdicts: readonly RankedVerdict[],
  comparisons: readonly Comparison[],
): AnswerRow[] {
  const names = new Map(tools.map((t) => [t.id, t.name]));
  const byId = new Map(verdicts.map((v) => [v.id, v]));
  const summary = (v: RankedVerdict): VerdictSummary => ({
    id: v.id,
    title: v.title,
    panelShip: v.panelShip,
    toolId: v.toolId,
    toolName: names.get(v.toolId) ?? v.toolId,
  });
  const comparisonsOf = new Map<string, ComparisonSummary[]>();
  // By id, so a dataset gives the same rows however its comparisons were read (feed order on
  // install, key order on a schema upgrade).
  const ordered = [...comparisons].sort((a, b) => byText(a.id, b.id));
  for (const c of ordered) {
    for (const id of c.verdictIds) {
      const partners = c.verdictIds
        .filter((p) => p !== id)
        .flatMap((p) => {
          const row = byId.get(p);
          return row ? [summary(row)] : [];
        });
      const list = comparisonsOf.get(id) ?? [];
      list.push({
        id: c.id,
        title: c.title,
        ...(c.url ? { url: c.url } : {}),
        ...(c.publishedAt ? { publishedAt: c.publishedAt } : {}),
        partners,
      });
      comparisonsOf.set(id, list);
    }
  }
  const ofTool = new Map<string, RankedVerdict[]>();
  for (const v of verdicts) {
    const list = ofTool.get(v.toolId);
    if (list) list.push(v);
    else ofTool.set(v.toolId, [v]);
  }
  return tools.flatMap(({ nameLower: _nameLower, ...tool }) => {
    const rows = (ofTool.get(tool.id) ?? []).sort((a, b) => b.recency - a.recency);
    if (rows.length === 0) return [];
    return [
      {
        toolId: tool.id,
        tool,
        verdicts: rows.map(({ recency: _recency, ...v }) => v),
        summaries: rows.map(summary),
        comparisons: Object.fromEntries(rows.map((r) => [r.id, comparisonsOf.get(r.id) ?? []])),
      },
    ];
  });
}
