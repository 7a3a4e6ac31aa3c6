import type { ComparisonSummary, ToolAnswer, VerdictSummary } from '../model/answers';
import { byText } from '../model/sorted';
import type { VerdictDb } from './db';

/**
 * The tool's answer, or null when the tool (or the asked-for verdict) is not in the dataset.
 * The tool's precomputed row, its verdict's comparisons and their partners (from the slim
 * verdict rows and the tools' names), the reviewers and the dataset stamp: one read transaction,
 * so the parts all come from the same dataset.
 */
export async function answerForTool(
  db: VerdictDb,
  toolId: string,
  verdictId?: string,
): Promise<ToolAnswer | null> {
  const tables = [db.answers, db.reviewers, db.meta, db.comparisons, db.verdicts, db.tools];
  return db.transaction('r', tables, async () => {
    // An asked-for verdict's comparisons are read alongside the row, not after it.
    const [row, reviewers, meta, early] = await Promise.all([
      db.answers.get(toolId),
      db.reviewers.toArray(),
      db.meta.get('current'),
      verdictId === undefined ? null : comparisonsOf(db, verdictId),
    ]);
    if (!row || !meta) return null;
    const verdict = verdictId ? row.verdicts.find((v) => v.id === verdictId) : row.verdicts[0];
    if (!verdict) return null;
    return {
      tool: row.tool,
      verdict,
      verdicts: row.summaries,
      comparisons: early ?? (await comparisonsOf(db, verdict.id)),
      reviewers,
      dataset: { source: meta.source, generatedAt: meta.generatedAt },
    };
  });
}

/**
 * The comparisons a verdict is in (by id), each with its other verdicts in the comparison's
 * order. Three reads however many there are: the multi-entry index, the partners' rows, their
 * tools' names. Called inside answerForTool's transaction.
 */
async function comparisonsOf(db: VerdictDb, verdictId: string): Promise<ComparisonSummary[]> {
  const found = await db.comparisons.where('verdictIds').equals(verdictId).toArray();
  if (found.length === 0) return [];
  found.sort((a, b) => byText(a.id, b.id));
  const partnerIds = [...new Set(found.flatMap((c) => c.verdictIds))].filter(
    (id) => id !== verdictId,
  );
  const rows = await db.verdicts.bulkGet(partnerIds);
  const toolIds = [...new Set(rows.flatMap((r) => (r ? [r.toolId] : [])))];
  const tools = await db.tools.bulkGet(toolIds);
  const names = new Map(tools.flatMap((t) => (t ? [[t.id, t.name] as const] : [])));
  const summaries = new Map<string, VerdictSummary>();
  for (const r of rows) {
    if (!r) continue;
    summaries.set(r.id, {
      id: r.id,
      title: r.title,
      panelShip: r.panelShip,
      toolId: r.toolId,
      toolName: names.get(r.toolId) ?? r.toolId,
    });
  }
  return found.map((c) => ({
    id: c.id,
    title: c.title,
    ...(c.url ? { url: c.url } : {}),
    ...(c.publishedAt ? { publishedAt: c.publishedAt } : {}),
    partners: [...new Set(c.verdictIds)].flatMap((id) => {
      const partner = id === verdictId ? undefined : summaries.get(id);
      return partner ? [partner] : [];
    }),
  }));
}

/** The answer for one verdict, by its id alone (the compare view's links carry only verdict ids). */
export async function answerForVerdict(
  db: VerdictDb,
  verdictId: string,
): Promise<ToolAnswer | null> {
  const row = await db.verdicts.get(verdictId);
  return row ? answerForTool(db, row.toolId, verdictId) : null;
}
