import type { z } from 'zod';
import { formatPath } from '../../feed/validate';

/**
 * NDJSON text → its records, each checked by `schema`; the problems (capped) name the file and
 * the line. A file is at most a shard's or a delta's cap (V2_LIMITS), so its lines fit in memory.
 */
export function parseLines<T>(
  text: string,
  schema: z.ZodType<T>,
  file: string,
  maxProblems = 20,
): { ok: true; lines: T[] } | { ok: false; problems: string[]; count: number } {
  const lines: T[] = [];
  const problems: string[] = [];
  let count = 0;
  let start = 0;
  let number = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    number++;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      count++;
      if (problems.length < maxProblems) problems.push(`${file} line ${number}: not JSON`);
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) lines.push(result.data);
    else
      for (const issue of result.error.issues) {
        count++;
        if (problems.length < maxProblems)
          problems.push(`${file} line ${number}: ${formatPath(issue.path)}: ${issue.message}`);
      }
  }
  return count === 0 ? { ok: true, lines } : { ok: false, problems, count };
}
