import type { VerdictDb } from './db';
import type { Reviewer, Tool, Verdict } from '../feed/schema';

export interface VerdictSummary {
  id: string;
  title: string;
  panelShip: number;
  toolId: string;
  toolName: string;
}

export interface ComparisonSummary {
  id: string;
  title: string;
  /** The other verdicts on the same comparison page. */
  partners: VerdictSummary[];
}

/** Everything a badge and its popover need, in one answer. */
export interface ToolAnswer {
  tool: Tool;
  /** The verdict shown: the newest, unless another was asked for. */
  verdict: Verdict;
  /** All verdicts of the tool, newest first, including the shown one. */
  verdicts: VerdictSummary[];
  comparisons: ComparisonSummary[];
  reviewers: Reviewer[];
  dataset: { source: string; generatedAt: string };
}

/**
 * The tool's answer, or null when the tool (or the asked-for verdict) is not in the dataset.
 * One read of the tool's precomputed row, with the reviewers and the dataset stamp alongside in
 * the same transaction.
 */
export async function answerForTool(
  db: VerdictDb,
  toolId: string,
  verdictId?: string,
): Promise<ToolAnswer | null> {
  return db.transaction('r', [db.answers, db.reviewers, db.meta], async () => {
    const [row, reviewers, meta] = await Promise.all([
      db.answers.get(toolId),
      db.reviewers.toArray(),
      db.meta.get('current'),
    ]);
    if (!row || !meta) return null;
    const verdict = verdictId ? row.verdicts.find((v) => v.id === verdictId) : row.verdicts[0];
    if (!verdict) return null;
    return {
      tool: row.tool,
      verdict,
      verdicts: row.summaries,
      comparisons: row.comparisons[verdict.id] ?? [],
      reviewers,
      dataset: { source: meta.source, generatedAt: meta.generatedAt },
    };
  });
}
