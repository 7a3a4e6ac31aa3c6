import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../../scripts/importer/html-entities';
import { htmlToText, looksLikeHtml } from '../../../../scripts/importer/html-to-text';
import { readRepoFile, SHARED_HTML_FILE, SHARED_PAGE } from './shared-page';

describe('looksLikeHtml', () => {
  it('detects documents by their start, after a BOM or whitespace', () => {
    expect(looksLikeHtml('<!DOCTYPE html><p>x</p>')).toBe(true);
    expect(looksLikeHtml('\uFEFF\n  <html lang="en">')).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?><html/>')).toBe(true);
  });

  it('detects a fragment by its many tags', () => {
    expect(looksLikeHtml('<div><p>a</p><p>b</p><p>c</p><span>d</span></div>')).toBe(true);
  });

  it('leaves text pages alone, even one that mentions a tag or two', () => {
    expect(looksLikeHtml(SHARED_PAGE)).toBe(false);
    expect(looksLikeHtml('Renders <div> and <span> elements\nfrom Markdown')).toBe(false);
  });

  it('the shared HTML fixture is HTML', () => {
    expect(looksLikeHtml(readRepoFile(SHARED_HTML_FILE))).toBe(true);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(
      decodeEntities('&mdash;|&ldquo;x&rdquo;|&nbsp;|&#8212;|&#x201C;|&#X201d;|&amp;lt;'),
    ).toBe('—|“x”|\u00A0|—|“|”|&lt;');
    expect(decodeEntities('caf&eacute; &copy; &hellip; &rsquo; &#39; &apos;')).toBe(
      "café © … ’ ' '",
    );
  });

  it('reads &#128;–&#159; as Windows-1252, like browsers do', () => {
    expect(decodeEntities('&#147;quoted&#148; &#151;')).toBe('“quoted” —');
  });

  it('leaves unknown names and bare ampersands as written', () => {
    expect(decodeEntities('R&D &notanentity; AT&T &amp')).toBe('R&D &notanentity; AT&T &amp');
    expect(decodeEntities('&#0; &#xD800;')).toBe('\uFFFD \uFFFD');
  });
});

describe('htmlToText', () => {
  it('puts block elements and <br> on their own lines and joins inline ones', () => {
    const html =
      '<div><h1>Title</h1><p>One <b>bold</b> <a href="#">link</a><br>two</p><div><span>100%</span><span>Panel ship</span></div></div>';
    expect(htmlToText(html)).toBe('Title\nOne bold link\ntwo\n100%Panel ship');
  });

  it('drops head, script, style, noscript, template, svg and comments', () => {
    const html = [
      '<html><head><title>Tab title</title><style>p{}</style></head><body>',
      '<script>var s = "<p>no</p>";</script><noscript>Enable JS</noscript>',
      '<template><p>later</p></template><!-- <p>comment</p> -->',
      '<svg><title>icon</title></svg><p>kept</p></body></html>',
    ].join('\n');
    expect(htmlToText(html)).toBe('kept');
  });

  it('drops a head whose closing tag was left out', () => {
    expect(htmlToText('<html><head><title>t</title><meta charset="utf-8"><body><p>b</p>')).toBe(
      'b',
    );
  });

  it('collapses source whitespace, drops empty lines, and keeps quoted ">" in attributes', () => {
    const html =
      '<p>\n  spread\n  over   lines&nbsp;&nbsp;</p>\n\n<div>  </div><p title="a > b">x</p>';
    expect(htmlToText(html)).toBe('spread over lines\nx');
  });

  it('decodes entities after removing tags, so &lt;p&gt; stays text', () => {
    expect(htmlToText('<p>&lt;p&gt; is a tag &amp; &ldquo;so&rdquo;</p>')).toBe(
      '<p> is a tag & “so”',
    );
  });

  it('turns the shared HTML fixture into the text page’s content lines', () => {
    const lines = htmlToText(readRepoFile(SHARED_HTML_FILE)).split('\n');
    const page = SHARED_PAGE.split('\n');
    // Everything from the header to the last quote, apart from the merged score lines.
    const start = lines.indexOf(page[0]!);
    const content = lines.slice(start, start + page.indexOf('Weekly AI Tool Verdicts') - 2);
    const expected = page
      .slice(0, page.indexOf('Weekly AI Tool Verdicts'))
      .join('\n')
      .replace('100%\nPanel ship', '100%Panel ship')
      .replace('75%\nPanel ship', '75% Panel ship')
      .split('\n');
    expect(content).toEqual(expected);
  });
});
