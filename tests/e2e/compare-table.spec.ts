import type { Page } from '@playwright/test';
import { expect, test } from './support/extension';
import { bundledFeed } from './support/test-feeds';

const feed = bundledFeed();
const cursor = feed.verdicts.find((v) => v.toolId === 'cursor')!;

/**
 * Words of the table's text that the browser laid out over more than one line. A break after a
 * hyphen or dash is between words ("open-|source"), so those end a word here.
 */
const splitWords = (page: Page) =>
  page.evaluate(() => {
    const split: string[] = [];
    const table = document.querySelector('.vl-table')!;
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/[^\s\-‐–—]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(m[0]);
      }
    }
    return split;
  });

for (const { name, width, fontSize } of [
  { name: '400 px wide', width: 400, fontSize: null },
  { name: 'large text', width: 1024, fontSize: '32px' },
  { name: 'large text at 400 px', width: 400, fontSize: '24px' },
]) {
  test(`compare page, ${name}: values wrap between words, and the table's corner has no border`, async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/compare.html?a=ml-intern&b=${cursor.id}`);
    // Large text as a user's style sheet would set it.
    if (fontSize)
      await page.addStyleTag({ content: `body { font-size: ${fontSize} !important; }` });
    const table = page.getByRole('table');
    await expect(table.locator('tr[data-reviewer]').first()).toBeVisible();
    await expect(table.locator('thead th').nth(1)).toHaveText(cursor.title);
    expect(await splitWords(page)).toEqual([]);
    // The header row draws no line above it, the empty corner cell included.
    const tops = await table
      .locator('thead tr > *')
      .evaluateAll((cells) => cells.map((c) => getComputedStyle(c).borderTopWidth));
    expect(tops).toEqual(['0px', '0px', '0px']);
  });
}
