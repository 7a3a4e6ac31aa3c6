import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { Feed } from '../../../../lib/feed/schema';
import type { Manifest } from '../../../../lib/feed/v2/schema';
import { main, type CliIo } from '../../../../scripts/verdicts';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The dataset CLI in process, its output kept; `root` and `now` as its io gives them. */
export async function run(
  argv: string[],
  options: { root?: string; now?: string } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: ROOT,
    root: options.root ?? ROOT,
    now: () => new Date(options.now ?? '2026-02-15T00:00:00.000Z'),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A scratch directory removed after the file's tests. */
export function scratchDir(prefix: string): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let counter = 0;
  return (name) => join(dir, `${++counter}-${name}`);
}

export const writeFeed = (path: string, feed: Feed): string => {
  writeFileSync(path, JSON.stringify(feed));
  return path;
};

export const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** Every file under `dir`, relative path → bytes. */
export function treeFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), readFileSync(path, 'latin1'));
  }
  return files;
}
