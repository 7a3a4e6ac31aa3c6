import type { VerdictDb, VerdictRow } from './db';
import type { MatchKey } from './match-keys';
import type { Reviewer, Tool, Verdict } from './schema';

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

function stripRow({ recency: _recency, ...verdict }: VerdictRow): Verdict {
  return verdict;
}

async function summaries(db: VerdictDb, rows: VerdictRow[]): Promise<VerdictSummary[]> {
  const tools = await db.tools.bulkGet([...new Set(rows.map((r) => r.toolId))]);
  const names = new Map(tools.filter((t) => t !== undefined).map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    panelShip: r.panelShip,
    toolId: r.toolId,
    toolName: names.get(r.toolId) ?? r.toolId,
  }));
}

/** The tool's answer, or null when the tool (or the asked-for verdict) is not in the dataset. */
export async function answerForTool(
  db: VerdictDb,
  toolId: string,
  verdictId?: string,
): Promise<ToolAnswer | null> {
  return db.transaction(
    'r',
    [db.tools, db.verdicts, db.comparisons, db.reviewers, db.meta],
    async () => {
      const [tool, rows, meta, reviewers] = await Promise.all([
        db.tools.get(toolId),
        db.verdicts.where('toolId').equals(toolId).toArray(),
        db.meta.get('current'),
        db.reviewers.toArray(),
      ]);
      if (!tool || rows.length === 0 || !meta) return null;
      rows.sort((a, b) => b.recency - a.recency);
      const shown = verdictId ? rows.find((r) => r.id === verdictId) : rows[0];
      if (!shown) return null;
      const comparisons = await db.comparisons.where('verdictIds').equals(shown.id).toArray();
      const partnerIds = [...new Set(comparisons.flatMap((c) => c.verdictIds))].filter(
        (id) => id !== shown.id,
      );
      const partnerRows = (await db.verdicts.bulkGet(partnerIds)).filter((r) => r !== undefined);
      const partners = new Map((await summaries(db, partnerRows)).map((s) => [s.id, s]));
      const { nameLower: _nameLower, ...plainTool } = tool;
      return {
        tool: plainTool,
        verdict: stripRow(shown),
        verdicts: await summaries(db, rows),
        comparisons: comparisons.map((c) => ({
          id: c.id,
          title: c.title,
          partners: c.verdictIds.flatMap((id) => partners.get(id) ?? []),
        })),
        reviewers,
        dataset: { source: meta.source, generatedAt: meta.generatedAt },
      };
    },
  );
}

/** The first key (most specific first) that belongs to a tool, or null: the cheap "none". */
export async function toolIdForKeys(
  db: VerdictDb,
  keys: readonly MatchKey[],
): Promise<string | null> {
  if (keys.length === 0) return null;
  const rows = await db.matchKeys.bulkGet([...keys]);
  return rows.find((r) => r !== undefined)?.toolId ?? null;
}
