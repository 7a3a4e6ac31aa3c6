import { badges, expect, test, visit } from './support/extension';

const REPO = 'https://github.com/huggingface/ml-intern';
/** "Nov 22, 2026": a date in English. */
const ENGLISH_DATE = /[A-Z][a-z]{2} \d{1,2}, \d{4}/;

test.describe('a French browser (the UI has no French: English)', () => {
  test.use({ lang: 'fr' });

  test('dates are in the UI’s language, not the browser’s', async ({
    page,
    context,
    extensionId,
  }) => {
    // The browser is French: its own dates are.
    expect(
      await page.evaluate(() => new Date(0).toLocaleDateString(undefined, { month: 'short' })),
    ).toBe('janv.');
    expect(await visit(page, REPO)).toBe('badge');
    await badges(page).first().click();
    const dialog = page.getByRole('dialog', { name: 'ml-intern' });
    await expect(dialog).toContainText(new RegExp(`As of ${ENGLISH_DATE.source}`));

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('status')).toContainText(
      new RegExp(`Feed date: ${ENGLISH_DATE.source}`),
    );
  });
});
