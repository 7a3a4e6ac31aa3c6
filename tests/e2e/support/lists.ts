import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The list-page fixtures (tests/e2e/fixtures/lists, each citing the sources of its markup) and
 * the address each mirrors. `data-expect="chip"` marks the result title links, the only links a
 * chip may follow; everything else on the page is a decoy. `rated`: how many of those titles
 * point at a tool the e2e datasets rate (the bundled one on GitHub, the Hugging Face test feed).
 */
export const LIST_PAGES: readonly { file: string; url: string; rated: number }[] = [
  { file: 'github-search.html', url: 'https://github.com/search?q=ml&type=repositories', rated: 1 },
  { file: 'github-trending.html', url: 'https://github.com/trending/python?since=daily', rated: 1 },
  { file: 'github-topics.html', url: 'https://github.com/topics/llm', rated: 1 },
  {
    file: 'github-org-repositories.html',
    url: 'https://github.com/orgs/huggingface/repositories',
    rated: 1,
  },
  {
    file: 'github-user-repositories.html',
    url: 'https://github.com/fredtest?tab=repositories',
    rated: 0,
  },
  { file: 'github-user-stars.html', url: 'https://github.com/fredtest?tab=stars', rated: 1 },
  {
    file: 'hf-models.html',
    url: 'https://huggingface.co/models?pipeline_tag=text-generation&hardware=rtx-3070',
    rated: 1,
  },
  {
    file: 'hf-datasets.html',
    url: 'https://huggingface.co/datasets?search=intern&sort=trending',
    rated: 1,
  },
  {
    file: 'hf-spaces.html',
    url: 'https://huggingface.co/spaces?sort=trending&search=intern',
    rated: 1,
  },
  { file: 'hf-org.html', url: 'https://huggingface.co/huggingface', rated: 2 },
  {
    file: 'hf-collection.html',
    url: 'https://huggingface.co/collections/huggingface/agents-66aa11bb22cc33dd44ee55ff',
    rated: 3,
  },
];

export const listFixture = (file: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/lists/${file}`, import.meta.url)), 'utf8');
