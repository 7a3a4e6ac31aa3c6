import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { run as runCli, type Run } from './publish/support';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE = 'data/pages/000_d25ab3c82b087462.txt';
const HTML = 'tests/fixtures/pages/000_d25ab3c82b087462.html';
const AT = '2025-06-01T12:00:00.000Z';

const scratch = mkdtempSync(join(tmpdir(), 'verdicts-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
/** A fresh file path under the scratch directory, optionally with content. */
function scratchFile(name: string, content?: string): string {
  const path = join(scratch, `${++counter}-${name}`);
  if (content !== undefined) writeFileSync(path, content);
  return path;
}

const run = (argv: string[], options: { root?: string; now?: string } = {}) =>
  runCli(argv, { root: options.root, now: options.now ?? AT });

const sharedText = readFileSync(join(ROOT, PAGE), 'utf8');

async function validFeedFile(): Promise<Record<string, unknown>> {
  const result = await run(['import', PAGE, '--generated-at', AT]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('help and usage', () => {
  it.each([['--help'], ['-h'], ['help'], ['import', '--help']])(
    '%s prints usage and exits 0',
    async (...argv) => {
      const result = await run(argv);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Usage: npm run verdicts -- <command>/);
    },
  );

  it('no command or an unknown one: usage on stderr, exit 1', async () => {
    expect(await run([])).toMatchObject({ code: 1, stdout: '' });
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^unknown command "frobnicate"\n\nUsage:/);
  });

  it('an unknown option is a usage error', async () => {
    const result = await run(['import', PAGE, '--bogus']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bogus/);
    expect(result.stderr).toMatch(/Usage:/);
  });
});

describe('import', () => {
  it('writes one feed to stdout, stamped with --generated-at', async () => {
    const result = await run(['import', PAGE, '--generated-at', AT]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const feed = JSON.parse(result.stdout);
    expect(feed.generatedAt).toBe(AT);
    expect(feed.verdicts.map((verdict: { id: string }) => verdict.id)).toEqual([
      'cursor-v0-50-background-agent-codebase-refactoring',
      'ml-intern',
    ]);
    expect(result.stdout).toBe(`${JSON.stringify(feed, null, 2)}\n`);
  });

  it('stamps now when no --generated-at is given', async () => {
    const result = await run(['import', PAGE], { now: '2029-02-03T04:05:06.000Z' });
    expect(JSON.parse(result.stdout).generatedAt).toBe('2029-02-03T04:05:06.000Z');
  });

  it('--out writes the file, and HTML pages are read too', async () => {
    const out = scratchFile('feed.json');
    const result = await run(['import', HTML, '--out', out, '--generated-at', AT]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^wrote .*feed\.json: 2 tools, 2 verdicts, 8 reviews, 1 comparison, 6 reviewers\n$/,
    );
    const fromText = await run(['import', PAGE, '--generated-at', AT]);
    expect(readFileSync(out, 'utf8')).toBe(fromText.stdout);
  });

  it('warnings go to stderr', async () => {
    const page = scratchFile('unknown.txt', sharedText.replaceAll('ml-intern', 'Kiro'));
    const result = await run(['import', page, '--generated-at', AT]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: .*unknown\.txt: tool "Kiro" is not in the tool catalog/,
    );
  });

  it.each([
    [
      'a truncated page',
      sharedText.slice(0, sharedText.indexOf('Paid')),
      /cut\.txt: tool 2: no "Entry" label after "Community"/,
    ],
    [
      'a page cut inside a quote',
      sharedText.slice(0, sharedText.indexOf('Hugging Face is betting') + 40),
      /cut\.txt: quote 6 is not closed/,
    ],
    [
      'not a comparison page',
      '# Notes\nNothing to see.\n',
      /cut\.txt: not a comparison page: no "Panel ship" label/,
    ],
  ])(
    '%s: names the file and what is missing, exit 1, nothing written',
    async (_name, text, message) => {
      const page = scratchFile('cut.txt', text);
      const out = scratchFile('never.json');
      const result = await run(['import', PAGE, page, '--out', out]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^error: /);
      expect(result.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    },
  );

  it('a failed run leaves an existing --out file as it was', async () => {
    const out = scratchFile('existing.json', 'previous content\n');
    const page = scratchFile('cut.txt', sharedText.slice(0, 500));
    expect((await run(['import', page, '--out', out])).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous content\n');
  });

  it('a missing file: clear message, exit 1, nothing written', async () => {
    const out = scratchFile('never.json');
    const result = await run(['import', PAGE, 'data/pages/nope.txt', '--out', out]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      'error: cannot read data/pages/nope.txt: no such file or directory\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('no files, or a bad --generated-at, is a usage error', async () => {
    expect((await run(['import'])).stderr).toMatch(/^import: give at least one page file/);
    const bad = await run(['import', PAGE, '--generated-at', 'tuesday']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--generated-at: "tuesday" is not an ISO date-time/);
  });

  it('a broken --catalog is reported with its problems', async () => {
    const catalog = scratchFile(
      'tools.json',
      JSON.stringify({ tools: [{ id: 'Bad', name: 'x', match: {} }] }),
    );
    const result = await run(['import', PAGE, '--catalog', catalog]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /tools\.json: invalid tool catalog:\ntools\[0\]\.id: must be a slug/,
    );
  });
});

describe('validate', () => {
  async function validate(feed: unknown): Promise<Run> {
    return run([
      'validate',
      scratchFile('feed.json', typeof feed === 'string' ? feed : JSON.stringify(feed)),
    ]);
  }

  it('a valid feed: exit 0 and a one-line summary', async () => {
    const result = await validate(await validFeedFile());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^.*feed\.json: valid feed v1: 2 tools, 2 verdicts, 8 reviews, 1 comparison, 6 reviewers\n$/,
    );
  });

  it('a missing quote is reported by its path', async () => {
    const feed = await validFeedFile();
    const verdicts = feed.verdicts as { reviews: Record<string, unknown>[] }[];
    delete verdicts[1]!.reviews[2]!.quote;
    const result = await validate(feed);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('verdicts[1].reviews[2].quote: required\n');
    expect(result.stderr).toMatch(/invalid feed \(1 problem\)/);
  });

  it('every problem, one per line: dangling toolId, duplicate ids', async () => {
    const feed = await validFeedFile();
    const verdicts = feed.verdicts as { toolId: string }[];
    verdicts[0]!.toolId = 'nope';
    const tools = feed.tools as unknown[];
    tools.push(tools[0]);
    const result = await validate(feed);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      ['tools[2].id: duplicate id "cursor"', 'verdicts[0].toolId: unknown tool "nope"', ''].join(
        '\n',
      ),
    );
    expect(result.stderr).toMatch(/invalid feed \(2 problems\)/);
  });

  it('a wrong version', async () => {
    const feed = await validFeedFile();
    feed.version = 2;
    const result = await validate(feed);
    expect(result).toMatchObject({
      code: 1,
      stdout: 'version: unknown feed version (this extension reads version 1)\n',
    });
  });

  it('non-JSON: a clear message with the parse error', async () => {
    const result = await validate('{ "version": 1,');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^error: .*feed\.json is not valid JSON: .+\n$/);
  });

  it('an unreadable file: a clear message', async () => {
    const result = await run(['validate', 'no/such/feed.json']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('error: cannot read no/such/feed.json: no such file or directory\n');
    expect((await run(['validate'])).stderr).toMatch(/^validate: give exactly one feed file/);
  });
});

describe('build', () => {
  function makeRoot(): string {
    const root = scratchFile('repo');
    mkdirSync(join(root, 'data/pages'), { recursive: true });
    mkdirSync(join(root, 'public/data'), { recursive: true });
    cpSync(join(ROOT, 'data/tools.json'), join(root, 'data/tools.json'));
    cpSync(join(ROOT, PAGE), join(root, PAGE));
    return root;
  }

  it('writes the feed, then leaves it untouched while only the time changes', async () => {
    const root = makeRoot();
    const feedPath = join(root, 'public/data/feed.json');
    const first = await run(['build'], { root, now: '2025-01-01T00:00:00.000Z' });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^wrote public\/data\/feed\.json: 2 tools/);
    const written = readFileSync(feedPath, 'utf8');
    expect(JSON.parse(written).generatedAt).toBe('2025-01-01T00:00:00.000Z');
    const mtime = statSync(feedPath).mtimeMs;

    const second = await run(['build'], { root, now: '2026-01-01T00:00:00.000Z' });
    expect(second.stdout).toMatch(/^public\/data\/feed\.json is up to date/);
    expect(readFileSync(feedPath, 'utf8')).toBe(written);
    expect(statSync(feedPath).mtimeMs).toBe(mtime);

    // An HTML page with new data is picked up and the file rewritten with the new time.
    writeFileSync(
      join(root, 'data/pages/001_other.html'),
      readFileSync(join(ROOT, HTML), 'utf8').replaceAll('ml-intern', 'Kiro'),
    );
    const third = await run(['build'], { root, now: '2026-01-01T00:00:00.000Z' });
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/warning: data\/pages\/001_other\.html: tool "Kiro"/);
    const rebuilt = JSON.parse(readFileSync(feedPath, 'utf8'));
    expect(rebuilt.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(rebuilt.tools.map((tool: { id: string }) => tool.id)).toEqual([
      'cursor',
      'ml-intern',
      'kiro',
    ]);
  });

  it('a bad page stops the build and leaves the feed as it was', async () => {
    const root = makeRoot();
    const feedPath = join(root, 'public/data/feed.json');
    writeFileSync(feedPath, 'committed\n');
    writeFileSync(join(root, 'data/pages/002_cut.txt'), sharedText.slice(0, 300));
    const result = await run(['build'], { root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: data\/pages\/002_cut\.txt: /);
    expect(readFileSync(feedPath, 'utf8')).toBe('committed\n');
  });

  it('refuses to build from no pages', async () => {
    const root = makeRoot();
    rmSync(join(root, PAGE));
    const result = await run(['build'], { root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no page files/);
    expect(existsSync(join(root, 'public/data/feed.json'))).toBe(false);
  });
});

describe('as a real process', () => {
  const exec = promisify(execFile);
  const tsx = join(ROOT, 'node_modules/.bin/tsx');

  it('import then validate exit 0; a bad page exits 1 and writes nothing', async () => {
    const out = scratchFile('child.json');
    await exec(tsx, ['scripts/verdicts.ts', 'import', PAGE, '--out', out], { cwd: ROOT });
    const validated = await exec(tsx, ['scripts/verdicts.ts', 'validate', out], { cwd: ROOT });
    expect(validated.stdout).toMatch(/valid feed v1/);

    const bad = scratchFile('bad.txt', 'hello\n');
    const never = scratchFile('never.json');
    const failed = await exec(tsx, ['scripts/verdicts.ts', 'import', bad, '--out', never], {
      cwd: ROOT,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/bad\.txt: not a comparison page/);
    expect(existsSync(never)).toBe(false);
  }, 30_000);
});
