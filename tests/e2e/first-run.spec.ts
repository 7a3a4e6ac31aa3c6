import { badges, expect, test, visit } from './support/extension';
import { tabIdOf } from './support/tabs';
import { bundledFeed } from './support/test-feeds';

const REPO = 'https://github.com/huggingface/ml-intern';
const feed = bundledFeed();

test('a fresh profile opens the welcome page once, with what the dataset covers counted', async ({
  context,
  extensionId,
}) => {
  const welcome = `chrome-extension://${extensionId}/welcome.html`;
  await expect.poll(() => context.pages().filter((p) => p.url() === welcome).length).toBe(1);
  const page = context.pages().find((p) => p.url() === welcome)!;
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Welcome to Verdict Lens');
  const verdicts = feed.verdicts.length;
  const tools = feed.tools.length;
  expect([verdicts, tools]).toEqual([4, 3]);
  await expect(main).toContainText(
    `holds ${verdicts} verdicts of ${tools} tools, from 2 comparisons`,
  );
  await expect(
    main.getByRole('link', { name: 'github.com/huggingface/ml-intern' }),
  ).toHaveAttribute('href', REPO);
  // The exact sites "Allow product sites" asks for (the e2e build pre-grants them).
  await expect(main.getByRole('region', { name: 'Product sites' })).toContainText('cursor.com');
  await expect(main.getByRole('link', { name: 'Options → Feed' })).toHaveAttribute(
    'href',
    `chrome-extension://${extensionId}/options.html#feed`,
  );
  const about = main.getByRole('region', { name: 'About the data' });
  await expect(about).toContainText('Skeptic');
  await expect(about).toContainText('“—” means nobody has voted yet');
  // Reachable later from the options page.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('link', { name: /Welcome and about the data/ })).toHaveAttribute(
    'href',
    welcome,
  );
  await expect(options.getByRole('region', { name: 'About the data' })).toBeVisible();
});

test('Hide on this site: the badge goes, Undo brings it back at once, Escape keeps it hidden', async ({
  page,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  await badges(page).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hide on this site' }).click();
  await expect(page.locator('[data-verdict-lens-host="badge"]')).toHaveCount(0);
  const notice = page.locator('[data-verdict-lens-host="toast"]').getByRole('status');
  await expect(notice).toContainText('Verdict Lens badges are hidden on github.com.');
  // The focus is on Undo: Enter takes it back.
  await expect(
    page.locator('[data-verdict-lens-host="toast"]').getByRole('button', { name: 'Undo' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(badges(page)).toHaveCount(1);
  await expect(page.locator('[data-verdict-lens-host="toast"]')).toHaveCount(0);

  await badges(page).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hide on this site' }).click();
  await expect(page.locator('[data-verdict-lens-host="toast"]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-verdict-lens-host="toast"]')).toHaveCount(0);
  await expect(page.locator('[data-verdict-lens-host="badge"]')).toHaveCount(0);
});

test('the popup on a hidden site says so, and its button shows the badges again', async ({
  page,
  context,
  extensionId,
}) => {
  expect(await visit(page, REPO)).toBe('badge');
  await badges(page).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hide on this site' }).click();
  await expect(page.locator('[data-verdict-lens-host="badge"]')).toHaveCount(0);
  const tab = await tabIdOf(context, extensionId, REPO);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  const notice = popup.locator('[data-state="hidden"]');
  await expect(notice).toContainText('Verdict badges are hidden on github.com.');
  await expect(popup.getByText('No rated tool on this tab')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Show badges on github.com' }).click();
  await expect(badges(page)).toHaveCount(1);
  // …and the popup now shows the tab's tool.
  await expect(popup.locator('[data-state="hidden"]')).toHaveCount(0);
  await expect(popup.getByRole('combobox', { name: 'First tool' })).toHaveValue('ml-intern');
});

test('on cursor.com the popup finds Cursor, and options say which product sites are meant', async ({
  page,
  context,
  extensionId,
}) => {
  expect(await visit(page, 'https://cursor.com/')).toBe('badge');
  const tab = await tabIdOf(context, extensionId, 'https://cursor.com/');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await expect(popup.getByRole('combobox', { name: 'First tool' })).toHaveValue(/^Cursor/);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('switch', { name: 'Product sites' })).toHaveAccessibleDescription(
    'cursor.com: access granted',
  );
});
