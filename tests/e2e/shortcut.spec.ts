import { expect, test } from './support/extension';

test('the options page shows the shortcut that opens the popup and opens the browser’s shortcut settings', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByRole('region', { name: 'Keyboard shortcut' });
  await expect(section).toContainText('Open Verdict Lens: Alt+Shift+V');
  const opened = context.waitForEvent('page');
  await section.getByRole('button', { name: 'Change the shortcut' }).click();
  const tab = await opened;
  await expect.poll(() => tab.url()).toBe('chrome://extensions/shortcuts');
});
