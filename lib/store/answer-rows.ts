import type { Comparison } from '../feed/schema';
import type { ComparisonSummary, VerdictSummary } from '../model/answers';
import { byText } from '../model/sorted';
import { runNow, sortInSteps, STEP_ITEMS, type Steps } from '../model/steps';
import type { AnswerRow, RankedVerdict, ToolRow } from './rows';

/**
 * Each tool's whole answer, computed once when a dataset is installed, so opening a popover is
 * one read instead of a chain of reads across five tables. Linear in the records apart from one
 * sort, and in steps (model/steps.ts): each comparison costs its own verdict count squared, which
 * the schema caps (LIMITS.verdictIdsPerComparison), and repeated ids count once.
 */
export function* answerRowSteps(
  tools: readonly ToolRow[],
  verdicts: readonly RankedVerdict[],
  comparisons: readonly Comparison[],
): Steps<AnswerRow[]> {
  const names = new Map(tools.map((t) => [t.id, t.name]));
  const summaries = new Map<string, VerdictSummary>();
  for (const v of verdicts) {
    summaries.set(v.id, {
      id: v.id,
      title: v.title,
      panelShip: v.panelShip,
      toolId: v.toolId,
      toolName: names.get(v.toolId) ?? v.toolId,
    });
  }
  yield;
  const comparisonsOf = new Map<string, ComparisonSummary[]>();
  // By id, so a dataset gives the same rows however its comparisons were read (feed order on
  // install, key order on a schema upgrade).
  const ordered = yield* sortInSteps(comparisons, (a, b) => byText(a.id, b.id));
  for (let n = 0; n < ordered.length; n++) {
    const c = ordered[n]!;
    const ids = [...new Set(c.verdictIds)];
    for (const id of ids) {
      const partners = ids.flatMap((p) => {
        const summary = p === id ? undefined : summaries.get(p);
        return summary ? [summary] : [];
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
    if (n % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  const ofTool = new Map<string, RankedVerdict[]>();
  for (const v of verdicts) {
    const list = ofTool.get(v.toolId);
    if (list) list.push(v);
    else ofTool.set(v.toolId, [v]);
  }
  yield;
  const rows: AnswerRow[] = [];
  for (let n = 0; n < tools.length; n++) {
    const { nameLower: _nameLower, ...tool } = tools[n]!;
    const ranked = (ofTool.get(tool.id) ?? []).sort((a, b) => b.recency - a.recency);
    if (ranked.length > 0) {
      rows.push({
        toolId: tool.id,
        tool,
        verdicts: ranked.map(({ recency: _recency, ...v }) => v),
        summaries: ranked.map((r) => summaries.get(r.id)!),
        comparisons: Object.fromEntries(ranked.map((r) => [r.id, comparisonsOf.get(r.id) ?? []])),
      });
    }
    if (n % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  return rows;
}

/** The same at once (a schema upgrade, tests). */
export const buildAnswerRows = (
  tools: readonly ToolRow[],
  verdicts: readonly RankedVerdict[],
  comparisons: readonly Comparison[],
): AnswerRow[] => runNow(answerRowSteps(tools, verdicts, comparisons));
