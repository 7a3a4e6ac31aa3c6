import { badges, expect, test, visit } from './support/extension';

// Names and scores come from the bundled dataset, built from the saved page in data/pages.
const PRESENT = [
  'https://github.com/huggingface/ml-intern',
  'https://github.com/huggingface/ml-intern/tree/main/agent',
  'https://github.com/huggingface/ml-intern/issues/12',
  'https://github.com/HuggingFace/ML-Intern',
];

const ABSENT = [
  'https://github.com/huggingface/transformers',
  'https://github.com/huggingface',
  'https://github.com/search?q=ml-intern',
];

test('a badge with the ship score sits after the repo name on every page of a rated repo', async ({
  page,
}) => {
  for (const url of PRESENT) {
    expect(await visit(page, url)).toBe('badge');
    await expect(badges(page)).toHaveCount(1);
    const badge = badges(page).first();
    await expect(badge).toHaveAccessibleName(/ml-intern: 75% ship/);
    await expect(badge).toHaveText(/75%/);
    // Inline, right after GitHub's <strong itemprop="name">, not floating.
    const placed = await page.evaluate(() => {
      const host = document.querySelector('verdict-lens-badge');
      return host?.previousElementSibling?.matches('strong[itemprop="name"]') ?? false;
    });
    expect(placed, url).toBe(true);
  }
});

test('no badge on unrated repos, org pages or search', async ({ page }) => {
  for (const url of ABSENT) {
    expect(await visit(page, url)).toBe('none');
    await expect(page.locator('verdict-lens-badge')).toHaveCount(0);
  }
});
