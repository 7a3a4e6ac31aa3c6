import type { Tool, Verdict } from '../feed/schema';
import { toolMatchKeys } from '../model/match-keys';
import { answerRow } from './answer-rows';
import {
  verdictRow,
  type AnswerRow,
  type MatchKeyRow,
  type RankedVerdict,
  type ToolRow,
  type VerdictRow,
} from './rows';
import { orderByRecency } from './verdict-order';

/** The rows one group of tools gives, by table. */
export interface GroupRows {
  tools: ToolRow[];
  verdicts: VerdictRow[];
  matchKeys: MatchKeyRow[];
  /** One per tool with a verdict. */
  answers: AnswerRow[];
}

/**
 * A tool's verdicts, each with its place (higher is newer). `verdicts` are in feed order: where
 * neither dates nor release numbers tell, a later verdict is the newer (verdict-order.ts).
 */
export function rankVerdicts(verdicts: readonly Verdict[]): RankedVerdict[] {
  const ordered = orderByRecency(verdicts);
  return ordered.map((v, i) => ({ ...v, recency: ordered.length - i }));
}

/**
 * The rows of tools given with ALL their verdicts (a tool's rows depend on its own verdicts and
 * nothing else), so an install can build and write a dataset a group at a time, and a change
 * rebuilds only the tools it touches. Memory is that of the group's records and rows.
 * Throws when a verdict's tool is not among `tools`: the group would be incomplete.
 */
export function groupRows(tools: readonly Tool[], verdicts: readonly Verdict[]): GroupRows {
  const ofTool = new Map<string, Verdict[]>(tools.map((t) => [t.id, []]));
  for (const v of verdicts) {
    const list = ofTool.get(v.toolId);
    if (!list) throw new Error(`verdict "${v.id}": its tool "${v.toolId}" is not in the group`);
    list.push(v);
  }
  const out: GroupRows = { tools: [], verdicts: [], matchKeys: [], answers: [] };
  for (const tool of tools) {
    out.tools.push({ ...tool, nameLower: tool.name.toLowerCase() });
    for (const key of toolMatchKeys(tool.match)) out.matchKeys.push({ key, toolId: tool.id });
    const ranked = rankVerdicts(ofTool.get(tool.id)!);
    if (ranked.length === 0) continue;
    for (const v of ranked) out.verdicts.push(verdictRow(v));
    out.answers.push(answerRow(tool, ranked));
  }
  return out;
}
