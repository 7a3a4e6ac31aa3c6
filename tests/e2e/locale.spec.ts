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

/** "2. Dez. 2026": a date in German. */
const GERMAN_DATE = /\d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.? \d{4}/;

test.describe('a German browser', () => {
  test.use({ lang: 'de' });

  test('shows the UI in German, with German dates and numbers', async ({
    page,
    context,
    extensionId,
  }) => {
    expect(await visit(page, REPO)).toBe('badge');
    // The always-on script's badge, through browser.i18n directly.
    const badge = page.locator('[data-verdict-lens-host="badge"]').getByRole('button', {
      name: 'ml-intern: 75% einsetzen (einsetzen), Urteil des Panels öffnen',
    });
    await expect(badge).toContainText('75%einsetzen');
    await badge.click();
    const dialog = page.getByRole('dialog', { name: 'ml-intern' });
    await expect(dialog).toContainText(new RegExp(`Stand: ${GERMAN_DATE.source}`));
    await expect(dialog.getByRole('button', { name: 'Schließen' })).toBeVisible();
    await expect(
      dialog.getByRole('button', { name: 'Auf dieser Website ausblenden' }),
    ).toBeVisible();
    await expect(dialog).toContainText('Panel: einsetzen');

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { level: 1 })).toHaveText(
      'Verdict Lens – Einstellungen',
    );
    await expect(options.getByRole('heading', { name: 'Tastenkürzel' })).toBeVisible();
    await expect(options.getByRole('status')).toContainText(
      new RegExp(`Datum des Feeds: ${GERMAN_DATE.source}`),
    );
    await expect(options.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeVisible();

    const compare = await context.newPage();
    await compare.goto(`chrome-extension://${extensionId}/compare.html?a=ml-intern`);
    await expect(compare.getByRole('heading', { level: 1 })).toHaveText('Werkzeuge vergleichen');
    await expect(compare.getByRole('combobox', { name: 'Erstes Werkzeug' })).toHaveValue(
      'ml-intern',
    );
  });
});
