import type { DatasetCoverage } from '../model/dataset-meta';
import type { VerdictDb } from './db';

const prefixOf = (key: string) => key.slice(0, key.indexOf(':'));

/** Counts what the installed dataset covers; null before any dataset is installed. */
export async function datasetCoverage(db: VerdictDb): Promise<DatasetCoverage | null> {
  return db.transaction('r', [db.meta, db.matchKeys, db.answers, db.tools], async () => {
    const meta = await db.meta.get('current');
    if (!meta) return null;
    const [keys, rated] = await Promise.all([
      db.matchKeys.toArray(),
      db.answers.toCollection().primaryKeys(),
    ]);
    const ratedTools = new Set(rated);
    const toolsBy: Record<string, Set<string>> = { github: new Set(), hf: new Set() };
    const matched = new Set<string>();
    const domains: string[] = [];
    let example: string | null = null;
    for (const { key, toolId } of keys) {
      const prefix = prefixOf(key);
      matched.add(toolId);
      toolsBy[prefix]?.add(toolId);
      if (prefix === 'domain') domains.push(key.slice('domain:'.length));
      if (prefix === 'github' && example === null && ratedTools.has(toolId))
        example = key.slice('github:'.length);
    }
    return {
      source: meta.source,
      generatedAt: meta.generatedAt,
      tools: meta.counts.tools,
      verdicts: meta.counts.verdicts,
      comparisons: meta.counts.comparisons,
      onGithub: toolsBy.github!.size,
      onHuggingface: toolsBy.hf!.size,
      unmatched: meta.counts.tools - matched.size,
      productDomains: domains.sort(),
      exampleRepo: example,
    };
  });
}
