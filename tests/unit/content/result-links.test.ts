import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findResultLinks, probedLinks, RESULT_HREF } from '../../../lib/content/result-links';
import { listPageOf } from '../../../lib/detect/lists';
import { LIST_PAGES, listFixture } from '../../e2e/support/lists';

const parse = (html: string, url: string): Document =>
  parseHTML(html.replace(/<head>/i, `<head><base href="${url}">`)).document as unknown as Document;

const hrefs = (links: readonly Element[]) => links.map((l) => l.getAttribute('href'));

describe('result links on list pages', () => {
  it.each(LIST_PAGES.map((p) => [p.file, p] as const))('%s: exactly the result titles', (_f, p) => {
    const page = listPageOf(new URL(p.url));
    expect(page, p.url).not.toBeNull();
    const doc = parse(listFixture(p.file), p.url);
    const expected = [...doc.querySelectorAll('a[data-expect="chip"]')];
    expect(expected.length).toBeGreaterThan(1);
    expect(hrefs(findResultLinks(doc, page!).map((r) => r.link))).toEqual(hrefs(expected));
  });

  it.each(LIST_PAGES.map((p) => [p.file, p] as const))(
    '%s: the worker’s list probe returns every result title',
    (_f, p) => {
      // The probe's selector is narrower than the list script's (it runs on unrated lists too).
      const doc = parse(listFixture(p.file), p.url);
      const probed = [...doc.querySelectorAll(probedLinks(listPageOf(new URL(p.url))!))]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => RESULT_HREF.test(href));
      for (const title of doc.querySelectorAll('a[data-expect="chip"]'))
        expect(probed).toContain(title.getAttribute('href'));
    },
  );

  it('reads the repository behind absolute, filtered Hugging Face links', () => {
    const p = LIST_PAGES.find((x) => x.file === 'hf-models.html')!;
    const doc = parse(listFixture(p.file), p.url);
    const found = findResultLinks(doc, listPageOf(new URL(p.url))!);
    expect(found[0]).toMatchObject({
      url: 'https://huggingface.co/huggingface/ml-intern',
      detection: { keys: ['hf:huggingface/ml-intern'] },
    });
  });
});

describe('listPageOf', () => {
  it.each([
    ['https://github.com/search?q=llm&type=repositories', 'search'],
    ['https://github.com/search?q=llm', 'search'],
    ['https://github.com/trending', 'trending'],
    ['https://github.com/trending/rust?since=weekly', 'trending'],
    ['https://github.com/topics/machine-learning', 'topic'],
    ['https://github.com/orgs/huggingface/repositories?type=source', 'org-repositories'],
    ['https://github.com/fredtest?tab=repositories', 'user-repositories'],
    ['https://github.com/fredtest?tab=stars', 'user-stars'],
    ['https://github.com/stars/fredtest/lists/ai', 'stars'],
    ['https://huggingface.co/models?search=llama', 'models'],
    ['https://huggingface.co/datasets', 'datasets'],
    ['https://huggingface.co/spaces?sort=trending', 'spaces'],
    ['https://huggingface.co/huggingface', 'profile'],
    ['https://huggingface.co/collections/huggingface/agents-66aa', 'collection'],
  ])('%s is a %s list', (url, kind) => {
    expect(listPageOf(new URL(url))?.kind).toBe(kind);
  });

  it.each([
    'https://github.com/huggingface/ml-intern',
    'https://github.com/search?q=llm&type=code',
    'https://github.com/settings?tab=repositories',
    'https://github.com/fredtest',
    'https://huggingface.co/huggingface/ml-intern',
    'https://huggingface.co/docs',
    'https://huggingface.co/models/meta-llama/llama',
    'http://github.com/trending',
    'https://example.com/models',
  ])('%s is no list page', (url) => {
    expect(listPageOf(new URL(url))).toBeNull();
  });
});
