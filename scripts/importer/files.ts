import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { byText } from '../../lib/model/sorted';

/**
 * The CLI's file access, kept apart so the importer itself stays free of node:
 * modules. Every failure becomes an InputError whose message names the file as the user wrote it.
 */

export class InputError extends Error {
  override name = 'InputError';
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export async function readText(path: string, shown = path): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${shown}: ${reason(error)}`);
  }
}

/** Like readText, but a missing file is `undefined` rather than an error. */
export async function readTextIfExists(path: string, shown = path): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ENOENT') return undefined;
    throw new InputError(`cannot read ${shown}: ${reason(error)}`);
  }
}

export async function readJson(path: string, shown = path): Promise<unknown> {
  const text = await readText(path, shown);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${shown} is not valid JSON: ${reason(error)}`);
  }
}

/** Names of the files in `dir` matching `pattern`, sorted by code unit (locale-independent). */
export async function listFiles(dir: string, pattern: RegExp, shown = dir): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && pattern.test(entry.name))
      .map((entry) => entry.name)
      .sort(byText);
  } catch (error) {
    throw new InputError(`cannot list ${shown}: ${reason(error)}`);
  }
}

/**
 * Writes through a temporary file and a rename, so a failed run never leaves a half-written
 * feed where a good one (or none) was.
 */
export async function writeTextAtomic(path: string, text: string, shown = path): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new InputError(`cannot write ${shown}: ${reason(error)}`);
  }
}
