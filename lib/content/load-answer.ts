import type { ToolAnswer, BadgeSummary } from '../model/answers';

export type LoadToolAnswer = (toolId: string, verdictId?: string) => Promise<ToolAnswer | null>;

/**
 * The whole answer behind a badge. A sync since the lookup may have dropped the badge's verdict:
 * the tool's newest then. Null when the tool is gone too, or the background did not answer.
 */
export async function loadAnswer(
  pick: LoadToolAnswer,
  badge: Pick<BadgeSummary, 'toolId' | 'verdictId'>,
): Promise<ToolAnswer | null> {
  return (await pick(badge.toolId, badge.verdictId)) ?? pick(badge.toolId);
}
