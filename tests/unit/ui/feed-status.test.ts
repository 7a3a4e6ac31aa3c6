import { describe, expect, it } from 'vitest';
import {
  feedStatusLines,
  lastErrorText,
  problemList,
  sourceText,
} from '../../../lib/ui/feed-status';
import { uiLocale } from '../../../lib/ui/locale';
import { inLanguage } from '../support/in-language';
import type { MetaRow } from '../../../lib/model/dataset-meta';

const META: MetaRow = {
  id: 'current',
  source: 'bundled',
  version: 1,
  generatedAt: '2026-11-20T00:00:00Z',
  etag: null,
  lastModified: null,
  counts: { tools: 100_000, verdicts: 1, reviewers: 6, comparisons: 0 },
  installedAt: '2026-11-21T00:00:00Z',
  lastCheckedAt: null,
  lastSuccessAt: null,
  lastError: null,
  failures: 0,
};

describe('feedStatusLines', () => {
  it('describes the bundled dataset in plain words', () => {
    const lines = feedStatusLines(META, false, 'en-US');
    expect(lines).toEqual([
      'Source: Bundled dataset',
      'Feed date: Nov 20, 2026',
      'Contains 100,000 tools and 1 verdict',
      'Last check: never',
      'Last success: never',
    ]);
  });

  it('names the feed URL, says when it is syncing, and gives the last error with its path', () => {
    const lines = feedStatusLines(
      {
        ...META,
        source: 'https://feed.test/v.json',
        lastCheckedAt: '2026-11-22T10:00:00Z',
        lastSuccessAt: '2026-11-21T10:00:00Z',
        lastError: {
          code: 'invalid',
          message: 'The feed was refused: verdicts[3].reviews[1].quote: required.',
          path: 'verdicts[3].reviews[1].quote',
          at: '2026-11-22T10:00:00Z',
        },
      },
      true,
      'en-US',
    );
    expect(lines[0]).toBe('Syncing…');
    expect(lines[1]).toBe('Source: https://feed.test/v.json');
    expect(lines.at(-1)).toBe(
      'Last sync failed: The feed was refused: verdicts[3].reviews[1].quote: required.',
    );
    expect(lines.some((l) => l.startsWith('Last check: ') && !l.endsWith('never'))).toBe(true);
  });

  it('says when nothing is installed', () => {
    expect(feedStatusLines(null, false, 'en')).toEqual(['No dataset is installed yet.']);
  });
});

describe('lastErrorText', () => {
  it('adds the path when the message does not carry it', () => {
    expect(lastErrorText({ code: 'invalid', message: 'bad', path: 'tools[0].id', at: '' })).toBe(
      'Last sync failed: bad (at tools[0].id)',
    );
    expect(lastErrorText({ code: 'network', message: 'offline', at: '' })).toBe(
      'Last sync failed: offline',
    );
    expect(lastErrorText(null)).toBeNull();
  });
});

it('sourceText', () => {
  expect(sourceText('bundled')).toBe('Bundled dataset');
  expect(sourceText('https://x.test/f.json')).toBe('https://x.test/f.json');
});

describe('in German', () => {
  const refused: NonNullable<MetaRow['lastError']> = {
    code: 'invalid',
    message: 'The feed was refused: tools[0].id: required (and 1 more problems).',
    text: {
      code: 'refused',
      params: {
        first: { path: 'tools[0].id', text: { code: 'required', params: {} } },
        others: 1,
        stopped: false,
        stoppedAt: 50,
      },
    },
    path: 'tools[0].id',
    problems: ['tools[0].id: required', 'verdicts[2].panelShip: Too big'],
    issues: [
      { path: 'tools[0].id', text: { code: 'required', params: {} } },
      { path: 'verdicts[2].panelShip', text: { code: 'tooHigh', params: { max: 100 } } },
    ],
    problemCount: 1250,
    at: '2026-11-22T10:00:00Z',
  };

  it('says the last error, the repair, the dates and the problems in German', async () => {
    const meta: MetaRow = {
      ...META,
      counts: { ...META.counts, tools: 1234 },
      lastError: refused,
      lastRepair: {
        at: '2026-11-22T10:00:00Z',
        message: 'The lookup index was missing and was rebuilt from the installed dataset.',
        text: { code: 'indexMissing', params: {} },
      },
    };
    const [lines, problems] = await inLanguage('de', () => [
      feedStatusLines(meta, false, uiLocale()),
      problemList(refused),
    ]);
    expect(lines).toEqual([
      'Quelle: Mitgelieferter Datensatz',
      'Datum des Feeds: 20. Nov. 2026',
      'Enthält 1.234 Werkzeuge und 1 Urteil',
      'Letzte Prüfung: nie',
      'Letzter Erfolg: nie',
      'Letzte Synchronisierung fehlgeschlagen: Der Feed wurde abgelehnt: tools[0].id: erforderlich (und 1 weiteres Problem).',
      expect.stringMatching(
        /^Repariert am 22\.11\.2026, \d\d:\d\d: Der Nachschlageindex fehlte und wurde/,
      ),
    ]);
    expect(problems).toEqual({
      items: ['tools[0].id: erforderlich', 'verdicts[2].panelShip: darf höchstens 100 sein'],
      more: 1248,
    });
  });

  it('shows what an older version stored (English words, no codes) as it is', async () => {
    const { text: _text, issues: _issues, ...stored } = refused;
    const [line, problems] = await inLanguage('de', () => [
      lastErrorText(stored),
      problemList(stored),
    ]);
    expect(line).toBe(
      'Letzte Synchronisierung fehlgeschlagen: The feed was refused: tools[0].id: required (and 1 more problems).',
    );
    expect(problems).toEqual({ items: stored.problems, more: 1248 });
  });
});
