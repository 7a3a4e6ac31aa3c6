import type { ToolAnswer } from '../model/answers';
import type { VerdictDb } from './db';

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

/** The answer for one verdict, by its id alone (the compare view's links carry only verdict ids). */
export async function answerForVerdict(
  db: VerdictDb,
  verdictId: string,
): Promise<ToolAnswer | null> {
  const row = await db.verdicts.get(verdictId);
  return row ? answerForTool(db, row.toolId, verdictId) : null;
}
