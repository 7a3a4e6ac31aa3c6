import type { Tool } from '../feed/schema';
import type { VerdictSummary } from '../model/answers';
import type { AnswerRow, RankedVerdict, ToolRow } from './rows';

/**
 * One tool's answer row: the tool, its verdicts newest first and their summaries. It holds
 * nothing of any other tool (comparisons and their partners are read when the answer is asked
 * for, answers.ts), so a change to one verdict rewrites its own tool's row and no other.
 * `ranked` may be in any order; higher recency is newer.
 */
export function answerRow(tool: Tool | ToolRow, ranked: readonly RankedVerdict[]): AnswerRow {
  const { nameLower: _nameLower, ...plain } = tool as ToolRow;
  const newestFirst = [...ranked].sort((a, b) => b.recency - a.recency);
  return {
    toolId: plain.id,
    tool: plain,
    verdicts: newestFirst.map(({ recency: _recency, ...v }) => v),
    summaries: newestFirst.map((v): VerdictSummary => ({
      id: v.id,
      title: v.title,
      panelShip: v.panelShip,
      toolId: plain.id,
      toolName: plain.name,
    })),
  };
}

/** Every rated tool's answer row from ranked verdicts (a schema upgrade reads them so). */
export function answerRowsOf(
  tools: readonly ToolRow[],
  verdicts: readonly RankedVerdict[],
): AnswerRow[] {
  const ofTool = new Map<string, RankedVerdict[]>();
  for (const v of verdicts) {
    const list = ofTool.get(v.toolId);
    if (list) list.push(v);
    else ofTool.set(v.toolId, [v]);
  }
  return tools.flatMap((t) => {
    const ranked = ofTool.get(t.id);
    return ranked ? [answerRow(t, ranked)] : [];
  });
}
