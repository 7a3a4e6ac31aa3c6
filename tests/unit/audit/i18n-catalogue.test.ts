import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { problemText } from '../../../lib/ui/problem-text';
import { workerText } from '../../../lib/ui/worker-text';
import { inLanguage } from '../support/in-language';
import {
  PROBLEM_SAMPLES,
  problemSamples,
  WORKER_SAMPLES,
  workerSamples,
} from '../support/worker-text-samples';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOCALES = ['en', 'de'] as const;

async function catalogue(lang: string): Promise<Map<string, ParsedMessage>> {
  const parsed = await parseMessagesFile(join(ROOT, 'locales', `${lang}.yml`));
  return new Map(parsed.map((m) => [m.key.join('.'), m]));
}

/** What a message's translation must keep: its $1… count, its {names}, its plural forms. */
const shape = (m: ParsedMessage) => ({
  type: m.type,
  substitutions: m.substitutions,
  named: [...m.namedSubstitutions].sort(),
  plurals: m.type === 'plural' ? Object.keys(m.plurals).sort() : [],
});

describe('the catalogues', () => {
  it('have the same keys in every language, with the same substitutions', async () => {
    const [en, ...others] = await Promise.all(LOCALES.map(catalogue));
    expect(en!.size).toBeGreaterThan(100);
    for (const [i, other] of others.entries()) {
      const lang = LOCALES[i + 1];
      expect(
        [...en!.keys()].filter((k) => !other.has(k)),
        `missing in ${lang}`,
      ).toEqual([]);
      expect(
        [...other.keys()].filter((k) => !en!.has(k)),
        `only in ${lang}`,
      ).toEqual([]);
      for (const [key, message] of en!)
        expect(shape(other.get(key)!), `${lang}: ${key}`).toEqual(shape(message));
    }
  });

  it('name their own language (dates and numbers are formatted in it)', async () => {
    for (const lang of LOCALES) {
      const message = (await catalogue(lang)).get('locale');
      expect(message?.type === 'simple' && message.message).toBe(lang);
    }
  });
});

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
const WORDS = /\p{L}{2,}/u;

/** Words written into a component's JSX rather than taken from the catalogue. */
export function literalWords(source: string, file = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const textOf = (node: ts.Node): string | null => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node))
      return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(node.text.trim());
    // {'text'} or {`text ${x}`} as a child.
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      const text = textOf(node.expression);
      if (text && WORDS.test(text)) found.push(text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      const text =
        ts.isJsxExpression(init) && init.expression ? textOf(init.expression) : textOf(init);
      if (text && WORDS.test(text)) found.push(`${node.name.getText(sf)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('components take their words from the catalogue', () => {
  it('finds words written into JSX (the check itself)', () => {
    expect(
      literalWords(
        `const A = () => <p title="Hello there" aria-label={\`Open \${x}\`}>Some text {'more'} {t('k')} × {n}</p>;`,
      ),
    ).toEqual(['title="Hello there"', 'aria-label="Open  "', 'Some text', 'more']);
    expect(
      literalWords(`const A = () => <p aria-label={t('a')} className="vl-x">{t('b')} · —</p>;`),
    ).toEqual([]);
  });

  it('has no words in any component or page outside the catalogue', () => {
    const files = ['components', 'entrypoints', 'lib/ui'].flatMap((d) => tsxFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(25);
    const found = files.flatMap((f) =>
      literalWords(readFileSync(f, 'utf8'), f).map((w) => `${relative(ROOT, f)}: ${w}`),
    );
    expect(found).toEqual([]);
  });
});

describe('extension pages', () => {
  const pages = readdirSync(join(ROOT, 'entrypoints'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

  it.each(pages)('%s says its language (and its title) from the catalogue', (page) => {
    // index.html says lang="en" and an English <title>: main.tsx puts the UI's in their place.
    const main = readFileSync(join(ROOT, 'entrypoints', page, 'main.tsx'), 'utf8');
    expect(main).toMatch(/^localisePage\(/m);
  });
});

/** Catalogue texts that are parts of others, not a code of their own. */
const PARTS = new Set([
  'worker.refusedOthers',
  'worker.refusedStopped',
  'worker.interruptedStopped',
  'problem.at',
  'problem.counted',
]);
/** Words that are the same in every language: the validator's own English, passed through. */
const SAME_EVERYWHERE = new Set(['other']);

describe('what the worker says is in the catalogue too', () => {
  it('has a text in every language for every code the worker sends, and none for others', async () => {
    const codes = [
      ...Object.keys(WORKER_SAMPLES).map((c) => `worker.${c}`),
      ...Object.keys(PROBLEM_SAMPLES).map((c) => `problem.${c}`),
    ];
    for (const lang of LOCALES) {
      const keys = [...(await catalogue(lang)).keys()].filter(
        (k) => /^(worker|problem)\./.test(k) && !PARTS.has(k),
      );
      expect(keys.sort(), lang).toEqual([...codes].sort());
    }
  });

  it('renders each of them whole in each language, German apart from English', async () => {
    const render = (): [string, string][] => [
      ...workerSamples().map((text): [string, string] => [
        text.code,
        workerText({ message: '(stored)', text }),
      ]),
      ...problemSamples().map((text): [string, string] => [text.code, problemText(text)]),
    ];
    const english = new Map(await inLanguage('en', render));
    const german = await inLanguage('de', render);
    for (const [code, said] of german) {
      expect(said, code).not.toBe('');
      // A {name} left over is a substitution the catalogue and the code disagree on.
      expect(said, code).not.toMatch(/[{}]|\$\d|\(stored\)/);
      if (!SAME_EVERYWHERE.has(code)) expect(said, code).not.toBe(english.get(code));
    }
    for (const [code, said] of english) expect(said, code).not.toMatch(/^$|[{}]|\$\d/);
  });
});
