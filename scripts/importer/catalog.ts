import { z } from 'zod';
import { formatPath } from '../../lib/feed/validate';
import { SlugSchema, ToolMatchSchema } from '../../lib/feed/schema';

/**
 * The curated tool list (data/tools.json): which page names mean which tool, and where the
 * extension finds that tool (its match keys). Pages only name tools; match keys are never guessed.
 */

const name = z.string().trim().min(1, 'required').max(200);

export const CatalogToolSchema = z.object({
  id: SlugSchema,
  name,
  /** Other names pages use for the tool; `name` always counts too. */
  aliases: z.array(name).default([]),
  match: ToolMatchSchema,
});
export type CatalogTool = z.infer<typeof CatalogToolSchema>;

export const ToolCatalogSchema = z
  .object({ tools: z.array(CatalogToolSchema) })
  .superRefine((catalog, ctx) => {
    const ids = new Set<string>();
    const owners = new Map<string, string>();
    catalog.tools.forEach((tool, i) => {
      if (ids.has(tool.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tools', i, 'id'],
          message: `duplicate id "${tool.id}"`,
        });
      }
      ids.add(tool.id);
      // One name, one tool: otherwise which tool a page means would depend on file order.
      for (const alias of new Set([tool.name, ...tool.aliases].map(normalizeName))) {
        const owner = owners.get(alias);
        if (owner !== undefined && owner !== tool.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['tools', i, 'aliases'],
            message: `name "${alias}" already belongs to tool "${owner}"`,
          });
        }
        owners.set(alias, tool.id);
      }
    });
  });
export type ToolCatalog = z.infer<typeof ToolCatalogSchema>;

export class CatalogError extends Error {
  override name = 'CatalogError';
}

/** Validates a parsed tools.json; throws a CatalogError listing every problem as `path: message`. */
export function parseCatalog(value: unknown): ToolCatalog {
  const result = ToolCatalogSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  throw new CatalogError(`invalid tool catalog:\n${problems.join('\n')}`);
}

export function normalizeName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

// What may follow a known name in a release title: a version ("Cursor v0.50", "Cursor 2.0") or a
// separator before a subtitle ("Cursor – …", "Cursor - …", "Cursor: …", "Cursor (…)").
const SUFFIX = /^(?:\s+v?\d+(?:\.\d+)*(?=$|[\s:(,–—-])|\s+[–—-]\s|\s*:\s|\s*\()/;

function nameMatches(pageName: string, known: string): boolean {
  return (
    pageName === known || (pageName.startsWith(known) && SUFFIX.test(pageName.slice(known.length)))
  );
}

/**
 * The catalog tool a page's tool name refers to, or undefined. When several names fit
 * ("Cursor" and "Cursor Agent"), the longest wins; equal lengths go to the earlier catalog entry.
 */
export function resolveTool(pageName: string, catalog: ToolCatalog): CatalogTool | undefined {
  const wanted = normalizeName(pageName);
  let best: { tool: CatalogTool; length: number } | undefined;
  for (const tool of catalog.tools) {
    for (const known of [tool.name, ...tool.aliases].map(normalizeName)) {
      if (nameMatches(wanted, known) && (!best || known.length > best.length)) {
        best = { tool, length: known.length };
      }
    }
  }
  return best?.tool;
}
