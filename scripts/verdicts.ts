import { realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeProblem, parseFeed } from '../lib/feed/validate';
import { buildFeed, FeedBuildError, type PageSource } from './importer/build-feed';
import { CatalogError, parseCatalog, type ToolCatalog } from './importer/catalog';
import { DATASET_PATHS, PAGE_FILE, planDatasetBuild, serializeFeed } from './importer/dataset';
import { PageError } from './importer/page-error';
import type { Feed } from '../lib/feed/schema';
import { DEFAULT_GENERATED_AT, DEFAULT_SEED, synthFeed } from './synth';
import { generateKey, loadSigningKey, resolvePublicKey, writePrivateKey } from './publish/keys';
import { DEFAULT_SHARD_TARGET, PublishError } from './publish/layout';
import {
  DEFAULT_EXPIRES_IN_DAYS,
  DEFAULT_KEEP_DELTAS,
  publish,
  type PublishResult,
} from './publish/publish';
import { MANIFEST_FILE, readTree } from './publish/tree';
import { V2_LIMITS } from '../lib/feed/v2/schema';
import {
  InputError,
  listFiles,
  readJson,
  readText,
  readTextIfExists,
  writeTextAtomic,
} from './importer/files';

/** The verdict dataset CLI: argument parsing and I/O only; the work is in scripts/importer. */

export const USAGE = `Usage: npm run verdicts -- <command> [options]

Commands:
  import FILE... [--out FEED] [--generated-at ISO] [--catalog TOOLS]
      Parse saved comparison pages (text or HTML) into one feed, written to FEED or stdout.
      Tools are resolved with TOOLS (default: data/tools.json).
  validate FEED | DIR | DIR/manifest.json [--key KEY]
      Check a feed file against feed format v1; prints every problem as "path: message".
      Given a published v2 tree (a directory or its manifest.json), checks the signature (by KEY:
      an "ed25519:…" line, KEYFILE.pub or KEYFILE; else by the manifest's own publicKey), every
      file's size and SHA-256, every line, the counts, the digest and every delta.
  build
      Regenerate public/data/feed.json from data/pages/* and data/tools.json. The file is left
      untouched when nothing but generatedAt would change.
  synth --tools N [--out FEED] [--seed S] [--generated-at ISO]
      Write a SYNTHETIC feed of N made-up tools (ids "synthetic-…", names "Synthetic Tool N"),
      for benchmarks only. The same seed gives the same feed (generatedAt defaults to
      2026-01-01T00:00:00.000Z).
  keygen --out KEYFILE [--force]
      Make an Ed25519 signing key: KEYFILE (the private key, a JWK, mode 0600; never commit it)
      and KEYFILE.pub (the public key line, "ed25519:…", for the options page's Feed public key).
      Prints the public key line. An existing KEYFILE is kept unless --force.
  publish FEED --key KEYFILE --out DIR [--previous DIR] [--new-key] [--generated-at ISO]
          [--expires-in-days N] [--shard-bytes N] [--keep-deltas N]
      Publish a v1 feed file as a signed feed v2 tree: DIR/manifest.json, DIR/manifest.json.sig,
      DIR/shards/*.ndjson, DIR/deltas/*.ndjson (docs/feed-format.md). With --previous (usually
      DIR itself) the previous tree is verified with the same key (--new-key accepts another),
      seq grows by one, unchanged shards keep their files, and deltas are written from the
      previous seq and from each seq it had a delta from (at most --keep-deltas, default 8).
      The manifest expires after N days (default 30, at most 90); shards aim to stay under
      --shard-bytes (default 2 MiB; never over 4 MiB). Old files are left in DIR; a DIR that
      already holds a publication needs --previous.

Options:
  -h, --help    Show this help.
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Where relative FILE arguments are resolved. */
  cwd: string;
  /** The repository root: where `build` and the default catalog live. */
  root: string;
  now: () => Date;
}

class UsageError extends Error {}

const IsoDateTime = z.iso.datetime({ offset: true });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(feed: Feed): string {
  const reviews = feed.verdicts.reduce((sum, verdict) => sum + verdict.reviews.length, 0);
  return [
    plural(feed.tools.length, 'tool'),
    plural(feed.verdicts.length, 'verdict'),
    plural(reviews, 'review'),
    plural(feed.comparisons.length, 'comparison'),
    plural(feed.reviewers.length, 'reviewer'),
  ].join(', ');
}

async function loadCatalog(path: string, shown: string): Promise<ToolCatalog> {
  const value = await readJson(path, shown);
  try {
    return parseCatalog(value);
  } catch (error) {
    if (error instanceof CatalogError) throw new InputError(`${shown}: ${error.message}`);
    throw error;
  }
}

async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string', short: 'o' },
      'generated-at': { type: 'string' },
      catalog: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('import: give at least one page file');
  const generatedAt = values['generated-at'] ?? io.now().toISOString();
  if (!IsoDateTime.safeParse(generatedAt).success) {
    throw new UsageError(
      `--generated-at: "${generatedAt}" is not an ISO date-time like 2025-01-31T12:00:00Z`,
    );
  }
  const catalogShown = values.catalog ?? DATASET_PATHS.catalog;
  const catalogPath = values.catalog
    ? resolve(io.cwd, values.catalog)
    : join(io.root, DATASET_PATHS.catalog);
  const catalog = await loadCatalog(catalogPath, catalogShown);
  const pages: PageSource[] = [];
  for (const file of positionals)
    pages.push({ file, text: await readText(resolve(io.cwd, file), file) });

  const { feed, warnings } = buildFeed(pages, catalog, generatedAt);
  for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
  if (values.out === undefined) {
    io.stdout(serializeFeed(feed));
  } else {
    await writeTextAtomic(resolve(io.cwd, values.out), serializeFeed(feed), values.out);
    io.stderr(`wrote ${values.out}: ${summary(feed)}\n`);
  }
  return 0;
}

async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { key: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError('validate: give exactly one feed file or published directory');
  const file = positionals[0]!;
  const path = resolve(io.cwd, file);
  const dir = file.endsWith(MANIFEST_FILE)
    ? resolve(path, '..')
    : isDirectory(path)
      ? path
      : undefined;
  if (dir !== undefined) return validateTree(file, dir, values.key, io);
  if (values.key !== undefined)
    throw new UsageError('validate: --key is for a published v2 directory');
  const result = parseFeed(await readJson(path, file));
  if (!result.ok) {
    for (const problem of result.problems) io.stdout(`${describeProblem(problem)}\n`);
    io.stderr(`${file}: invalid feed (${plural(result.problems.length, 'problem')})\n`);
    return 1;
  }
  io.stdout(`${file}: valid feed v${result.feed.version}: ${summary(result.feed)}\n`);
  return 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

async function validateTree(
  shown: string,
  dir: string,
  keyArg: string | undefined,
  io: CliIo,
): Promise<number> {
  const publicKey =
    keyArg === undefined ? undefined : await resolvePublicKey(keyArg, resolve(io.cwd, keyArg));
  const tree = await readTree(dir, { publicKey });
  if (tree.problems.length > 0 || !tree.manifest) {
    for (const problem of tree.problems) io.stdout(`${problem}\n`);
    io.stderr(`${shown}: invalid feed v2 (${plural(tree.problems.length, 'problem')})\n`);
    return 1;
  }
  const m = tree.manifest;
  const c = m.counts;
  io.stdout(
    `${shown}: valid feed v2, seq ${m.seq}, signed by ${tree.signedBy}` +
      `${publicKey === undefined ? ' (its own publicKey: give --key to check it is yours)' : ''}\n` +
      `  ${plural(c.tools, 'tool')}, ${plural(c.verdicts, 'verdict')}, ${plural(c.comparisons, 'comparison')}, ${plural(c.reviewers, 'reviewer')}\n` +
      `  ${plural(m.shards.length, 'shard')}, ${bytes(tree.shardBytes)}; expires ${m.expiresAt}\n` +
      m.deltas
        .map((d) => `  delta from seq ${d.from}: ${bytes(d.bytes)}, ${plural(d.records, 'line')}\n`)
        .join(''),
  );
  if (Date.parse(m.expiresAt) <= io.now().getTime())
    io.stderr(
      `warning: ${shown} expired at ${m.expiresAt}: clients refuse it until it is republished\n`,
    );
  return 0;
}

async function runBuild(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  if (positionals.length > 0) throw new UsageError('build takes no arguments');
  const pagesDir = join(io.root, DATASET_PATHS.pages);
  const names = await listFiles(pagesDir, PAGE_FILE, DATASET_PATHS.pages);
  // An empty build would silently replace the dataset with an empty feed.
  if (names.length === 0)
    throw new InputError(`no page files (*.txt, *.html) in ${DATASET_PATHS.pages}`);
  const pages: PageSource[] = [];
  for (const name of names) {
    const file = `${DATASET_PATHS.pages}/${name}`;
    pages.push({ file, text: await readText(join(pagesDir, name), file) });
  }
  const catalog = await loadCatalog(join(io.root, DATASET_PATHS.catalog), DATASET_PATHS.catalog);
  const feedPath = join(io.root, DATASET_PATHS.feed);
  const committed = await readTextIfExists(feedPath, DATASET_PATHS.feed);

  const plan = planDatasetBuild(pages, catalog, committed, io.now().toISOString());
  for (const warning of plan.warnings) io.stderr(`warning: ${warning}\n`);
  if (!plan.changed) {
    io.stdout(`${DATASET_PATHS.feed} is up to date: ${summary(plan.feed)}\n`);
    return 0;
  }
  await writeTextAtomic(feedPath, plan.text, DATASET_PATHS.feed);
  io.stdout(`wrote ${DATASET_PATHS.feed}: ${summary(plan.feed)}\n`);
  return 0;
}

async function runSynth(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      tools: { type: 'string' },
      out: { type: 'string', short: 'o' },
      seed: { type: 'string' },
      'generated-at': { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError('synth takes no file arguments; use --out');
  const whole = (name: string, value: string | undefined, fallback?: number): number => {
    if (value === undefined && fallback !== undefined) return fallback;
    if (value === undefined || !/^\d+$/.test(value))
      throw new UsageError(`--${name}: give a whole number (got ${value ?? 'nothing'})`);
    return Number(value);
  };
  const tools = whole('tools', values.tools);
  const seed = whole('seed', values.seed, DEFAULT_SEED);
  // A fixed default date: the same seed gives the same bytes.
  const generatedAt = values['generated-at'] ?? DEFAULT_GENERATED_AT;
  if (!IsoDateTime.safeParse(generatedAt).success)
    throw new UsageError(`--generated-at: "${generatedAt}" is not an ISO date-time`);
  const feed = synthFeed({ tools, seed, generatedAt });
  // Compact: a 100,000-tool feed is large enough without indentation.
  const text = `${JSON.stringify(feed)}\n`;
  if (values.out === undefined) {
    io.stdout(text);
  } else {
    await writeTextAtomic(resolve(io.cwd, values.out), text, values.out);
    io.stderr(`wrote ${values.out} (SYNTHETIC, seed ${seed}): ${summary(feed)}\n`);
  }
  return 0;
}

async function runKeygen(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length > 0 || values.out === undefined)
    throw new UsageError('keygen: give the private key file with --out KEYFILE');
  const path = resolve(io.cwd, values.out);
  const key = await generateKey();
  await writePrivateKey(path, key.privateText, values.force === true, values.out);
  await writeTextAtomic(`${path}.pub`, `${key.publicKey}\n`, `${values.out}.pub`);
  io.stdout(`${key.publicKey}\n`);
  io.stderr(
    `wrote ${values.out} (private: keep it out of version control) and ${values.out}.pub\n`,
  );
  return 0;
}

function wholeOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`--${name}: give a whole number from ${min} to ${max} (got ${value})`);
  return Number(value);
}

function publishSummary(out: string, result: PublishResult): string {
  const m = result.manifest;
  const snapshot = m.shards.reduce((sum, s) => sum + s.bytes, 0);
  const lines = [
    `published seq ${m.seq} to ${out}: ${plural(m.counts.tools, 'tool')}, ${plural(m.counts.verdicts, 'verdict')}, ${plural(m.counts.comparisons, 'comparison')}, ${plural(m.counts.reviewers, 'reviewer')}`,
    `  ${plural(m.shards.length, 'shard')}, ${bytes(snapshot)}` +
      (m.seq > 1 ? ` (${result.keptShards} unchanged since seq ${m.seq - 1})` : ''),
    `  manifest ${bytes(Buffer.byteLength(result.manifestText))}, expires ${m.expiresAt}`,
  ];
  for (const d of result.deltas) {
    const share =
      snapshot === 0 ? '' : `, ${((d.bytes / snapshot) * 100).toFixed(2)} % of the shards`;
    lines.push(
      `  delta from seq ${d.from}: ${d.atLeast ? 'at least ' : ''}${bytes(d.bytes)}, ${plural(d.records, 'change')}${share}` +
        (d.dropped ? ` (dropped: ${d.dropped})` : ''),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function runPublish(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      key: { type: 'string' },
      out: { type: 'string', short: 'o' },
      previous: { type: 'string' },
      'new-key': { type: 'boolean' },
      'generated-at': { type: 'string' },
      'expires-in-days': { type: 'string' },
      'shard-bytes': { type: 'string' },
      'keep-deltas': { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('publish: give exactly one feed file');
  if (values.key === undefined) throw new UsageError('publish: give the signing key with --key');
  if (values.out === undefined)
    throw new UsageError('publish: give the output directory with --out');
  const generatedAt = values['generated-at'] ?? io.now().toISOString();
  if (!IsoDateTime.safeParse(generatedAt).success)
    throw new UsageError(`--generated-at: "${generatedAt}" is not an ISO date-time`);
  const expiresInDays = wholeOption(
    'expires-in-days',
    values['expires-in-days'],
    DEFAULT_EXPIRES_IN_DAYS,
    1,
    V2_LIMITS.maxLifetimeDays,
  );
  const shardTarget = wholeOption(
    'shard-bytes',
    values['shard-bytes'],
    DEFAULT_SHARD_TARGET,
    1024,
    V2_LIMITS.shardBytes,
  );
  const keepDeltas = wholeOption(
    'keep-deltas',
    values['keep-deltas'],
    DEFAULT_KEEP_DELTAS,
    0,
    V2_LIMITS.deltas,
  );
  const file = positionals[0]!;
  const result = parseFeed(await readJson(resolve(io.cwd, file), file));
  if (!result.ok) {
    for (const problem of result.problems) io.stderr(`${describeProblem(problem)}\n`);
    throw new InputError(
      `${file}: invalid feed (${plural(result.problems.length, 'problem')}); nothing was written`,
    );
  }
  const key = await loadSigningKey(resolve(io.cwd, values.key), values.key);
  const published = await publish({
    feed: result.feed,
    key,
    outDir: resolve(io.cwd, values.out),
    previousDir: values.previous === undefined ? undefined : resolve(io.cwd, values.previous),
    newKey: values['new-key'] === true,
    generatedAt,
    expiresInDays,
    shardTarget,
    keepDeltas,
    warn: (message) => io.stderr(`warning: ${message}\n`),
  });
  io.stdout(publishSummary(values.out, published));
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  import: runImport,
  validate: runValidate,
  build: runBuild,
  synth: runSynth,
  keygen: runKeygen,
  publish: runPublish,
};

/** Runs one CLI invocation; returns the exit code. Nothing is written unless the command succeeds. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'help' || argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const run = command === undefined ? undefined : COMMANDS[command];
  if (run === undefined) {
    io.stderr(
      `${command === undefined ? 'no command given' : `unknown command "${command}"`}\n\n${USAGE}`,
    );
    return 1;
  }
  try {
    return await run(args, io);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (
      error instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr(`${(error as Error).message}\n\n${USAGE}`);
      return 1;
    }
    const known = [InputError, PageError, FeedBuildError, PublishError].some(
      (type) => error instanceof type,
    );
    io.stderr(
      `error: ${known ? (error as Error).message : String((error as Error).stack ?? error)}\n`,
    );
    return 1;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // Under `npm run`, the script runs in the package root; INIT_CWD is where the user typed it.
    cwd:
      process.env.npm_lifecycle_event === 'verdicts'
        ? (process.env.INIT_CWD ?? process.cwd())
        : process.cwd(),
    root: fileURLToPath(new URL('..', import.meta.url)),
    now: () => new Date(),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
