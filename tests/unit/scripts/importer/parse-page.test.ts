import { describe, expect, it } from 'vitest';
import {
  PageError,
  parseComparisonPage,
  type ParsedPage,
} from '../../../../scripts/importer/parse-page';
import {
  CURSOR,
  ML_INTERN,
  QUOTES_IN_PAGE_ORDER,
  readRepoFile,
  SHARED_HTML_FILE,
  SHARED_PAGE,
  TITLE,
} from './shared-page';

const LINES: readonly string[] = SHARED_PAGE.split('\n');
const EXPECTED: Omit<ParsedPage, 'warnings'> = {
  title: TITLE,
  meta: {},
  tools: [CURSOR, ML_INTERN] as ParsedPage['tools'],
  quotes: QUOTES_IN_PAGE_ORDER,
};

/** The shared page with its lines rewritten by `edit`. */
const edited = (edit: (lines: string[]) => string[]): string => edit([...LINES]).join('\n');
const replaced = (from: string, to: string): string => {
  expect(SHARED_PAGE).toContain(from);
  return SHARED_PAGE.replace(from, to);
};
const indexOf = (line: string): number => {
  const i = LINES.indexOf(line);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
};

function expectPageError(source: string, message: RegExp): void {
  let thrown: unknown;
  try {
    parseComparisonPage(source);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(PageError);
  expect((thrown as PageError).message).toMatch(message);
}

describe('parseComparisonPage on the real saved page', () => {
  const page = parseComparisonPage(SHARED_PAGE);

  it('reads the comparison title', () => {
    expect(page.title).toBe(TITLE);
  });

  it('reads every field of Cursor', () => {
    expect(page.tools[0]).toEqual(CURSOR);
  });

  it('reads every field of ml-intern', () => {
    expect(page.tools[1]).toEqual(ML_INTERN);
  });

  it('keeps all 8 quotes verbatim, in page order', () => {
    expect(page.quotes).toEqual(QUOTES_IN_PAGE_ORDER);
  });

  it('assigns the panel seats: Cursor gets product, ml-intern creator', () => {
    expect(page.tools.map((tool) => tool.reviews.map((review) => review.reviewerId))).toEqual([
      ['builder', 'skeptic', 'futurist', 'product'],
      ['builder', 'skeptic', 'futurist', 'creator'],
    ]);
  });

  it('has nothing to warn about', () => {
    expect(page.warnings).toEqual([]);
  });
});

describe('layout variants of the same page parse to the same data', () => {
  const variants: Record<string, string> = {
    'CRLF line endings': SHARED_PAGE.replace(/\n/g, '\r\n'),
    'CR line endings': SHARED_PAGE.replace(/\n/g, '\r'),
    'a BOM': `\uFEFF${SHARED_PAGE}`,
    'a BOM and CRLF': `\uFEFF${SHARED_PAGE.replace(/\n/g, '\r\n')}\r\n`,
    'extra blank lines': `\n\n${LINES.join('\n\n \n')}\n\n`,
    'indented lines with trailing spaces': edited((lines) => lines.map((line) => `  \t${line}  `)),
    '"100% Panel ship" on one line': replaced('100%\nPanel ship', '100% Panel ship'),
    '"100%Panel ship" on one line': replaced('100%\nPanel ship', '100%Panel ship'),
    'both scores merged': replaced('100%\nPanel ship', '100%Panel ship').replace(
      '75%\nPanel ship',
      '75% Panel ship',
    ),
    'all three stats on one line': replaced(
      '100%\nPanel ship\n—\nCommunity\nFree\nEntry',
      '100%Panel ship—CommunityFreeEntry',
    ),
    'each value glued to its label': replaced(
      '75%\nPanel ship\n—\nCommunity\nPaid\nEntry',
      '75%Panel ship\n—Community\nPaidEntry',
    ),
    'labels written before values': replaced(
      '100%\nPanel ship\n—\nCommunity',
      'Panel ship: 100%\nCommunity: —',
    ),
    'nav lines above and a longer footer': edited((lines) => [
      'Skip to content',
      'Home',
      'Tools',
      'Compare',
      'Sign in',
      ...lines,
      'Subscribe',
      '© 2025 AI Tool Verdicts · Privacy · Terms',
    ]),
    'a short label above each quote': edited((lines) =>
      lines.flatMap((line) => (line.startsWith('“') ? ['Panelist · 4/5', line] : [line])),
    ),
    'lines between the scorecard heading and the first quote': replaced(
      'Reviewer scorecard\n',
      'Reviewer scorecard\n8 reviewers · 2 tools\nSorted by panel order\n',
    ),
    'a footer that quotes a reader': `${SHARED_PAGE}\nWhat readers say\n“The only AI newsletter I open.” — Sam\n“Saves me hours.”\n`,
    '"Panel Ship" and "PANEL-SHIP" spellings': replaced('Panel ship', 'Panel Ship').replace(
      'Panel ship',
      'PANEL-SHIP',
    ),
  };

  for (const [name, source] of Object.entries(variants)) {
    it(name, () => {
      const page = parseComparisonPage(source);
      expect(page).toEqual({ ...EXPECTED, warnings: [] });
    });
  }

  it('the HTML version of the page (fixture) parses to the same data as the text', () => {
    const html = readRepoFile(SHARED_HTML_FILE);
    expect(parseComparisonPage(html)).toEqual(parseComparisonPage(SHARED_PAGE));
  });

  it('the HTML version with its source reflowed (every space a line break and indent)', () => {
    const html = readRepoFile(SHARED_HTML_FILE).replace(/ /g, '\n      ');
    expect(parseComparisonPage(html)).toEqual({ ...EXPECTED, warnings: [] });
  });

  it('the HTML version with CRLF and a BOM too', () => {
    const html = `\uFEFF${readRepoFile(SHARED_HTML_FILE).replace(/\n/g, '\r\n')}`;
    expect(parseComparisonPage(html)).toEqual({ ...EXPECTED, warnings: [] });
  });
});

describe('changed values are read, not assumed', () => {
  it('a numeric community vote, with or without %', () => {
    const page = parseComparisonPage(
      edited((lines) => {
        lines[indexOf('Community') - 1] = '64%';
        lines[lines.lastIndexOf('Community') - 1] = '12.5';
        return lines;
      }),
    );
    expect(page.tools[0].community).toBe(64);
    expect(page.tools[1].community).toBe(12.5);
  });

  it('other scores and entry labels', () => {
    const source = replaced('100%\nPanel ship', '0%\nPanel ship')
      .replace('75%\nPanel ship', '100%\nPanel ship')
      .replace('Free\nEntry', 'Open source\nEntry')
      .replace('Paid\nEntry', 'Freemium\nEntry');
    const page = parseComparisonPage(source);
    expect(page.tools.map((tool) => [tool.panelShip, tool.entry])).toEqual([
      [0, 'Open source'],
      [100, 'Freemium'],
    ]);
  });

  it('a description of several lines keeps its line breaks', () => {
    const sentences = CURSOR.description.split(/(?<=\.) /);
    expect(sentences.length).toBe(3);
    const page = parseComparisonPage(replaced(CURSOR.description, sentences.join('\n')));
    expect(page.tools[0].description).toBe(sentences.join('\n'));
    expect(page.tools[1]).toEqual(ML_INTERN);
  });

  it('a description starting on the "Entry" line', () => {
    const page = parseComparisonPage(replaced('Paid\nEntry\n', 'Paid\nEntry '));
    expect(page.tools[1].description).toBe(ML_INTERN.description);
  });

  it('a quote spanning several lines', () => {
    const quote = CURSOR.reviews[0]!.quote;
    const lines = quote.split(/(?<=\.) /);
    const page = parseComparisonPage(replaced(quote, lines.join('\n')));
    expect(page.tools[0].reviews[0]).toEqual({ reviewerId: 'builder', quote: lines.join('\n') });
    expect(page.quotes).toHaveLength(8);
  });

  it('a page with no header line and no subtitle', () => {
    const page = parseComparisonPage(edited((lines) => lines.filter((_, i) => i !== 0 && i !== 2)));
    expect(page).toEqual({ ...EXPECTED, warnings: [] });
  });

  it('a fifth quote per tool goes to the best free late seat', () => {
    const business =
      '“The buyer is the platform team, and the moat is pricing power: unit economics hold.”';
    const product =
      '“Onboarding is the gap: new users hit a missing setup step before the first run.”';
    const page = parseComparisonPage(
      edited((lines) => {
        lines.splice(indexOf(LINES[31]!) + 1, 0, business, product);
        return lines;
      }),
    );
    const seats = page.tools.map((tool) => tool.reviews.map((review) => review.reviewerId));
    expect(seats).toEqual([
      ['builder', 'skeptic', 'futurist', 'product', 'business'],
      ['builder', 'skeptic', 'futurist', 'creator', 'product'],
    ]);
    expect(page.warnings).toEqual([]);
  });

  it('a late quote without persona wording takes the first free seat, with a warning', () => {
    const page = parseComparisonPage(
      replaced(ML_INTERN.reviews[3]!.quote, 'Solid pick.'.replace('Solid', 'A fine')),
    );
    expect(page.tools[1].reviews[3]).toEqual({ reviewerId: 'product', quote: 'A fine pick.' });
    expect(page.warnings).toEqual([
      'tool 2, quote 4: no product/creator/business wording; assigned to product by panel order',
    ]);
  });

  it('more quotes than the panel has reviewers', () => {
    const extra = Array.from({ length: 6 }, (_, i) => `“Extra quote ${i + 1}.”`);
    expectPageError(
      edited((lines) => [...lines.slice(0, 32), ...extra]),
      /^tool 1 has 7 quotes, more than the panel's 6 reviewers$/,
    );
  });

  it('an uneven number of quotes is assigned alternately, with a warning', () => {
    const page = parseComparisonPage(
      edited((lines) => lines.filter((line) => line !== LINES[31] && line !== LINES[30])),
    );
    expect(page.tools[0].reviews.map((review) => review.reviewerId)).toEqual([
      'builder',
      'skeptic',
      'futurist',
    ]);
    expect(page.tools[1].reviews.map((review) => review.reviewerId)).toEqual([
      'builder',
      'skeptic',
      'futurist',
    ]);
    expect(page.warnings).toEqual([
      'expected 8 quotes (4 per tool), found 6; assigned alternately: tool 1 has 3, tool 2 has 3',
    ]);
    const odd = parseComparisonPage(edited((lines) => lines.filter((line) => line !== LINES[31])));
    expect(odd.tools.map((tool) => tool.reviews.length)).toEqual([4, 3]);
    expect(odd.warnings[0]).toMatch(/found 7/);
  });

  it('a title that does not name both tools is kept, with a warning', () => {
    const page = parseComparisonPage(replaced(TITLE, 'Cursor vs ml-intern'));
    expect(page.title).toBe('Cursor vs ml-intern');
    expect(page.warnings).toEqual([
      `title "Cursor vs ml-intern" is not "${CURSOR.name} vs ml-intern"`,
    ]);
  });
});

describe('pages that are not whole comparison pages', () => {
  const firstQuote = indexOf(LINES[24]!);

  it('non-comparison text and HTML', () => {
    expectPageError('', /^not a comparison page: no "Panel ship" label$/);
    expectPageError('# README\n\nSome notes about tools.\n', /not a comparison page/);
    expectPageError(
      '<!doctype html><html><body><p>Hello</p></body></html>',
      /not a comparison page/,
    );
  });

  it.each([
    [indexOf('ml-intern'), /^tool 2: no "Panel ship" label/],
    [indexOf('75%') + 2, /^tool 2: no "Community" label after "Panel ship"$/],
    [indexOf('Paid'), /^tool 2: no "Entry" label after "Community"$/],
    [indexOf('Reviewer scorecard'), /^no "Reviewer scorecard" section/],
    [firstQuote, /^no quotes after "Reviewer scorecard"/],
    [indexOf('Free'), /^tool 1: no "Entry" label after "Community"$/],
    [indexOf('Community'), /^tool 1: no "Community" label after "Panel ship"$/],
    [indexOf('Panel ship'), /^not a comparison page/],
  ])('cut before line %i: %s', (lineCount, message) => {
    expectPageError(LINES.slice(0, lineCount).join('\n'), message);
  });

  it('cut in the middle of a quote', () => {
    const quote = LINES[28]!;
    const cut = SHARED_PAGE.indexOf(quote) + Math.floor(quote.length / 2);
    expectPageError(SHARED_PAGE.slice(0, cut), /^quote 5 is not closed with ” \(page cut off\?\)$/);
  });

  it('a quote left open before the next one starts', () => {
    const open = LINES[26]!.slice(0, -1);
    expectPageError(replaced(LINES[26]!, open), /^quote 3 is not closed with ”/);
  });

  it('a value missing before its label', () => {
    expectPageError(
      replaced('Async AI coding agent that works while you do\n100%\n', 'x\n'),
      /tool 1: "Panel ship" is not preceded by a percentage/,
    );
    expectPageError(
      replaced('75%\nPanel ship\n—\n', '75%\nPanel ship\n'),
      /^tool 2: no value before "Community"$/,
    );
  });

  it('impossible values', () => {
    expectPageError(
      replaced('100%\n', '120%\n'),
      /^tool 1: panel ship "120%" is not a whole percentage/,
    );
    expectPageError(replaced('75%\n', '75.5%\n'), /^tool 2: panel ship "75.5%"/);
  });

  it('a page cut anywhere before its last quote closes never parses silently', () => {
    const end = SHARED_PAGE.lastIndexOf('”');
    for (let cut = 0; cut < end; cut += 7) {
      let page: ParsedPage | undefined;
      try {
        page = parseComparisonPage(SHARED_PAGE.slice(0, cut));
      } catch (error) {
        expect(error, `cut at ${cut}`).toBeInstanceOf(PageError);
        continue;
      }
      // Only a cut exactly between two quotes parses, and then it says quotes are missing.
      expect(page.warnings.join('\n'), `cut at ${cut}`).toMatch(/^expected 8 quotes/);
    }
  });
});
