/**
 * Audit of the shipped source (entrypoints/, components/, lib/; not tests or scripts): no HTML
 * sinks or code evaluation, and every link or opened tab goes to an extension page or through a
 * helper that allows only https:. ESLint forbids most of the same at lint time; this also covers
 * what a lint rule cannot see (HTML files, string-keyed access, disabled rules).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SHIPPED = ['entrypoints', 'components', 'lib'];
const EXTENSIONS = /\.(?:ts|tsx|js|jsx|mjs|html)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return EXTENSIONS.test(entry.name) ? [path] : [];
  });
}

const files = SHIPPED.flatMap(filesUnder).map((path) => ({
  path,
  lines: readFileSync(join(ROOT, path), 'utf8').split('\n'),
}));

interface Hit {
  where: string;
  line: string;
}

function find(pattern: RegExp): Hit[] {
  return files.flatMap((f) =>
    f.lines.flatMap((line, i) =>
      pattern.test(line) ? [{ where: `${f.path}:${i + 1}`, line: line.trim() }] : [],
    ),
  );
}

it('reads the shipped source', () => {
  const dirs = new Set(files.map((f) => f.path.split(/[\\/]/)[0]));
  expect([...dirs].sort()).toEqual([...SHIPPED].sort());
  expect(files.length).toBeGreaterThan(50);
});

describe('no HTML sinks and no code evaluation', () => {
  it.each<[string, RegExp]>([
    ['innerHTML', /innerHTML/],
    ['outerHTML =', /outerHTML\s*=(?!=)/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['eval(', /\beval\s*\(/],
    ['new Function(', /\bnew\s+Function\s*\(/],
    ['document.write', /document\s*\.\s*write/],
    ['srcdoc', /srcdoc/i],
    ['string timers', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ])('%s', (_name, pattern) => {
    expect(find(pattern)).toEqual([]);
  });
});

/**
 * Where a link or a new tab may point: an extension page, a literal, or a link built from feed
 * data through the https-only helper (`safeHttpsUrl` in lib/model/safe-url.ts).
 */
const EXTENSION_PAGE = /(?:browser|chrome)\.runtime\.getURL\(/;
const ALLOWED_HREF_CALLS = ['pageHref', 'safeHttpsUrl'];

describe('links and tabs go only to extension pages or through an https-only helper', () => {
  it('every JSX href is a literal or an allowed helper', () => {
    // An href attribute (JSX or HTML), not a variable named href nor a property read.
    const hrefs = find(/(?<!(?:const|let|var)\s+)(?<![\w.$])href\s*=(?!=)/);
    const bad = hrefs.filter(({ line }) => {
      const value = /\bhref\s*=\s*(.*)$/.exec(line)?.[1] ?? '';
      if (/^["']/.test(value)) return !/^["'](?:https:\/\/|\/|#|\.\/|[a-z-]+\.html)/.test(value);
      if (value.startsWith('{')) {
        const call = /^\{\s*([A-Za-z_$][\w$]*)\s*\(/.exec(value)?.[1];
        return !(call && ALLOWED_HREF_CALLS.includes(call)) && !EXTENSION_PAGE.test(value);
      }
      return true; // `.href = x`, setAttribute-like assignment: not expected at all
    });
    expect(bad).toEqual([]);
    // At least the popup's link to the compare page is seen, so the pattern is not blind.
    expect(hrefs.some((h) => h.line.includes('pageHref('))).toBe(true);
  });

  it('every pageHref helper builds an extension page URL', () => {
    const definitions = files.flatMap((f) => {
      const text = f.lines.join('\n');
      return [...text.matchAll(/const\s+pageHref\s*=([\s\S]*?);\n/g)].map((m) => ({
        where: f.path,
        body: m[1]!,
      }));
    });
    expect(definitions.length).toBeGreaterThan(0);
    for (const d of definitions) expect(d.body, d.where).toMatch(EXTENSION_PAGE);
  });

  it('nothing assigns location or a DOM href, or opens a window', () => {
    expect(find(/\bwindow\s*\.\s*open\s*\(|(?<![\w.$])open\s*\(/)).toEqual([]);
    expect(find(/\blocation(?:\.href)?\s*=(?!=)/)).toEqual([]);
    expect(find(/\.href\s*=(?!=)/)).toEqual([]);
    expect(find(/setAttribute\(\s*['"](?:href|src)['"]/)).toEqual([]);
    expect(find(/location\.(?:assign|replace)\s*\(/)).toEqual([]);
  });

  it('every tabs.create / windows.create opens an extension page', () => {
    const opened = files.flatMap((f) =>
      f.lines.flatMap((line, i) => {
        if (!/\b(?:tabs|windows)\.create\s*\(/.test(line)) return [];
        // The URL is built within the few lines before the call.
        const context = f.lines.slice(Math.max(0, i - 3), i + 1).join('\n');
        // Or the browser's own shortcut settings, a fixed address (checked below).
        const ok = EXTENSION_PAGE.test(context) || /\burl: CHROME_SHORTCUTS\b/.test(context);
        return [{ where: `${f.path}:${i + 1}`, extensionPage: ok }];
      }),
    );
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.filter((o) => !o.extensionPage)).toEqual([]);
    const fixed = files.flatMap((f) =>
      f.lines.filter((line) => /\bconst CHROME_SHORTCUTS\b/.test(line)),
    );
    for (const line of fixed)
      expect(line).toMatch(/const CHROME_SHORTCUTS = 'chrome:\/\/extensions\/shortcuts';$/);
  });
});
