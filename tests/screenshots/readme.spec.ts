import { fileURLToPath } from 'node:url';
import { badges, expect, test, visit } from '../e2e/support/extension';
import { tabIdOf } from '../e2e/support/tabs';

const out = (name: string) =>
  fileURLToPath(new URL(`../../docs/screenshots/${name}`, import.meta.url));
const REPO = 'https://github.com/huggingface/ml-intern';

test('README screenshots', async ({ page, context, extensionId }) => {
  await page.setViewportSize({ width: 900, height: 640 });
  expect(await visit(page, REPO)).toBe('badge');
  await page.screenshot({
    path: out('badge-github.png'),
    clip: { x: 0, y: 60, width: 900, height: 120 },
  });
  await badges(page).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  // Its dates come in the render after the first (useDateText).
  await expect(page.getByRole('dialog')).toContainText(/As of [A-Z][a-z]{2} \d/);
  await page.screenshot({ path: out('popover.png') });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 640, height: 900 });
  const tab = await tabIdOf(context, extensionId, REPO);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await expect(popup.getByRole('table')).toBeVisible();
  await popup.screenshot({ path: out('popup-compare.png') });
  await popup.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(popup.getByRole('status')).toContainText('Bundled dataset');
  await popup.screenshot({ path: out('options.png'), fullPage: true });
});
