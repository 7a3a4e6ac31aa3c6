import { describeProblem, parseFeed } from '../../lib/feed/validate';
import { PERSONAS } from '../../lib/model/reviewers';
import type { Comparison, Feed, Tool, Verdict } from '../../lib/feed/schema';
import { resolveTool, type ToolCatalog } from './catalog';
import { PageError } from './page-error';
import type { PageMeta } from './page-meta';
import { parseComparisonPage, type ParsedTool } from './parse-page';
import { slugify } from './slug';
import { byText } from '../../lib/model/sorted';

export interface PageSource {
  /** Where the page came from; orders the pages and prefixes every message about it. */
  file: string;
  /** The page as saved: text or HTML. */
  text: string;
}

export interface BuildResult {
  feed: Feed;
  warnings: string[];
}

/** The pages parsed, but together they do not make a valid feed (e.g. a catalog conflict). */
export class FeedBuildError extends Error {
  override name = 'FeedBuildError';

  constructor(readonly problems: string[]) {
    super(`the built feed is invalid:\n${problems.join('\n')}`);
  }
}

/** Accumulates tools, verdicts and comparisons in first-seen order. */
class FeedBuilder {
  readonly tools = new Map<string, Tool>();
  readonly verdicts = new Map<string, { verdict: Verdict; file: string }>();
  readonly comparisons = new Map<string, Comparison>();
  readonly warnings: string[] = [];
  private readonly unknownNames = new Map<string, string>();

  constructor(private readonly catalog: ToolCatalog) {}

  private toolFor(name: string, file: string): string {
    const known = resolveTool(name, this.catalog);
    if (known) {
      if (!this.tools.has(known.id))
        this.tools.set(known.id, {
          id: known.id,
          name: known.name,
          ...(known.aliases.length > 0 ? { aliases: known.aliases } : {}),
          match: known.match,
        });
      return known.id;
    }
    const seen = this.unknownNames.get(name);
    if (seen !== undefined) return seen;
    // An unknown tool must not take over a catalog tool's id, even one no page has used yet.
    const taken = (id: string) =>
      this.tools.has(id) || this.catalog.tools.some((tool) => tool.id === id);
    const base = slugify(name);
    let id = base;
    for (let n = 2; taken(id); n++) id = `${base}-${n}`;
    this.unknownNames.set(name, id);
    this.tools.set(id, { id, name, match: { github: [], huggingface: [], domains: [] } });
    this.warnings.push(
      `${file}: tool "${name}" is not in the tool catalog; added as "${id}" with no match keys`,
    );
    return id;
  }

  addVerdict(parsed: ParsedTool, file: string): string {
    const verdict: Verdict = {
      id: slugify(parsed.name),
      toolId: this.toolFor(parsed.name, file),
      title: parsed.name,
      tagline: parsed.tagline,
      category: parsed.category,
      summary: parsed.description,
      panelShip: parsed.panelShip,
      community: parsed.community,
      entry: parsed.entry,
      reviews: parsed.reviews.map(({ reviewerId, quote }) => ({ reviewerId, quote })),
    };
    const earlier = this.verdicts.get(verdict.id);
    if (!earlier) {
      this.verdicts.set(verdict.id, { verdict, file });
    } else if (JSON.stringify(earlier.verdict) !== JSON.stringify(verdict)) {
      this.warnings.push(
        `${file}: verdict "${verdict.id}" differs from the one in ${earlier.file}; keeping ${earlier.file}`,
      );
    }
    return verdict.id;
  }

  addComparison(title: string, verdictIds: [string, string], meta: PageMeta, file: string): void {
    const base = slugify(title);
    let id = base;
    for (let n = 2; ; n++) {
      const existing = this.comparisons.get(id);
      if (!existing) break;
      if (existing.verdictIds.join('\n') === verdictIds.join('\n')) return; // the same page twice
      id = `${base}-${n}`;
    }
    if (id !== base)
      this.warnings.push(`${file}: comparison "${base}" already exists; this one is "${id}"`);
    this.comparisons.set(id, { id, title, verdictIds, ...meta });
  }
}

/**
 * Builds one feed from saved comparison pages and the tool catalog. Pages are read in file-name
 * order and everything keeps first-seen order, so the same inputs always give the same bytes.
 * Throws PageError (message starts with the file) for a page that does not parse, and
 * FeedBuildError when the result would not pass the feed schema.
 */
export function buildFeed(
  pages: readonly PageSource[],
  catalog: ToolCatalog,
  generatedAt: string,
): BuildResult {
  const builder = new FeedBuilder(catalog);
  const ordered = [...pages].sort((a, b) => byText(a.file, b.file));
  for (const page of ordered) {
    let parsed;
    try {
      parsed = parseComparisonPage(page.text);
    } catch (error) {
      if (error instanceof PageError) throw new PageError(error.message, page.file);
      throw error;
    }
    builder.warnings.push(...parsed.warnings.map((warning) => `${page.file}: ${warning}`));
    const [a, b] = parsed.tools;
    const ids: [string, string] = [
      builder.addVerdict(a, page.file),
      builder.addVerdict(b, page.file),
    ];
    builder.addComparison(parsed.title, ids, parsed.meta, page.file);
  }

  const result = parseFeed({
    version: 1,
    generatedAt,
    reviewers: PERSONAS.map((persona) => ({ ...persona })),
    tools: [...builder.tools.values()],
    verdicts: [...builder.verdicts.values()].map(({ verdict }) => verdict),
    comparisons: [...builder.comparisons.values()],
  });
  if (!result.ok) throw new FeedBuildError(result.problems.map(describeProblem));
  return { feed: result.feed, warnings: builder.warnings };
}
