import { badges, expect, test, visit } from './support/extension';
import { FeedServer } from './support/feed-server';
import { testFeedWithScore } from './support/test-feeds';

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

  test('says sync errors, refused URLs and a feed’s problems in German', async ({
    page,
    context,
    extensionId,
  }) => {
    expect(await visit(page, REPO)).toBe('badge');
    await expect(badges(page)).toHaveCount(1);
    const server = await new FeedServer().start();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('html')).toHaveAttribute('lang', 'de');
    await expect(options).toHaveTitle('Verdict Lens – Einstellungen');
    const url = options.getByLabel('Feed-URL');

    await url.fill('https://exa mple.com/feed.json');
    await options.getByRole('button', { name: 'Speichern' }).click();
    await expect(options.getByRole('alert').first()).toHaveText(
      /^„https:\/\/exa mple\.com\/feed\.json“ enthält ein Leerzeichen\.$|ist kein gültiger Hostname/,
    );

    await url.fill(server.set('/down.json', { status: 503, body: 'down' }));
    await options.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    const status = options.getByRole('status');
    await expect(status).toContainText(
      'Letzte Synchronisierung fehlgeschlagen: Der Feed hat mit HTTP 503 geantwortet.',
    );
    // "02.12.2026, 11:22": a German date and time (an English one reads "Dec 2, 2026, 11:22 AM").
    await expect(status).toContainText(/Letzte Prüfung: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);

    // TEST FEED: the bundled verdicts with two quotes removed and one score out of range.
    const bad = testFeedWithScore(40, '2026-11-22T00:00:00.000Z');
    delete (bad.verdicts[0]!.reviews[0] as { quote?: string }).quote;
    delete (bad.verdicts[1]!.reviews[1] as { quote?: string }).quote;
    bad.verdicts[2]!.panelShip = 140;
    await url.fill(server.set('/bad.json', { body: JSON.stringify(bad) }));
    await options.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    await expect(status).toContainText(
      'Der Feed wurde abgelehnt: verdicts[0].reviews[0].quote: erforderlich (und 2 weitere Probleme).',
    );
    await expect(
      options.getByRole('list', { name: 'Probleme im Feed' }).getByRole('listitem'),
    ).toHaveText([
      'verdicts[0].reviews[0].quote: erforderlich',
      'verdicts[1].reviews[1].quote: erforderlich',
      'verdicts[2].panelShip: darf höchstens 100 sein',
    ]);
    await server.stop();
  });
});
