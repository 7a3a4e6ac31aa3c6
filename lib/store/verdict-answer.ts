import type { VerdictDb } from './db';
import { answerForTool, type ToolAnswer } from './answers';

/** The answer for one verdict, by its id alone (the compare view's links carry only verdict ids). */
export async function answerForVerdict(
  db: VerdictDb,
  verdictId: string,
): Promise<ToolAnswer | null> {
  const row = await db.verdicts.get(verdictId);
  return row ? answerForTool(db, row.toolId, verdictId) : null;
}
