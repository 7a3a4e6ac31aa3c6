import { describe, expect, it } from 'vitest';
import { readPageMeta } from '../../../../scripts/importer/page-meta';
import { readRepoFile, SHARED_HTML_FILE, SHARED_PAGE } from './shared-page';

const page = (head: string) =>
  `<!doctype html><html><head>${head}</head><body><main><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p><p>g</p><p>h</p></main></body></html>`;

describe('readPageMeta', () => {
  it('reads nothing from a text page, nor from the saved HTML page, which states neither', () => {
    expect(readPageMeta(SHARED_PAGE)).toEqual({});
    expect(readPageMeta(readRepoFile(SHARED_HTML_FILE))).toEqual({});
  });

  it('takes the canonical link, else og:url, https only', () => {
    expect(
      readPageMeta(page('<link rel="canonical" href="https://verdicts.example/a-vs-b">')),
    ).toEqual({ url: 'https://verdicts.example/a-vs-b' });
    expect(
      readPageMeta(
        page(
          '<meta property="og:url" content="https://verdicts.example/og"><link href="https://verdicts.example/c" rel="alternate canonical">',
        ),
      ),
    ).toEqual({ url: 'https://verdicts.example/c' });
    expect(
      readPageMeta(page('<meta property="og:url" content="https://verdicts.example/og">')),
    ).toEqual({
      url: 'https://verdicts.example/og',
    });
    for (const href of [
      'http://verdicts.example/a',
      'javascript:alert(1)',
      '/relative',
      'https://u:p@verdicts.example/',
    ]) {
      expect(readPageMeta(page(`<link rel="canonical" href="${href}">`)), href).toEqual({});
    }
  });

  it('takes a stated ISO publication time, nothing else', () => {
    expect(
      readPageMeta(page('<meta property="article:published_time" content="2026-05-01T09:30:00Z">')),
    ).toEqual({ publishedAt: '2026-05-01T09:30:00Z' });
    expect(
      readPageMeta(page('<meta property="article:published_time" content="last Tuesday">')),
    ).toEqual({});
  });

  it('ignores tags quoted in the body', () => {
    expect(
      readPageMeta(
        `<!doctype html><html><head></head><body><pre>&lt;x&gt;</pre><link rel="canonical" href="https://elsewhere.example/"><p>1</p><p>2</p><p>3</p><p>4</p><p>5</p><p>6</p><p>7</p></body></html>`,
      ),
    ).toEqual({});
  });
});
