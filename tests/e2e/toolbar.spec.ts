import type { BrowserContext } from '@playwright/test';
import { expect, settled, test, visit } from './support/extension';
import { installBadgeMonitor, softNavigate } from './support/soft-nav';
import { githubPage } from './support/sites';
import { tabIdOf } from './support/tabs';

interface ActionGlobal {
  chrome: {
    action: {
      getBadgeText(d: { tabId: number }): Promise<string>;
      getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]>;
      getTitle(d: { tabId: number }): Promise<string>;
    };
  };
}

/** What the toolbar icon shows for a tab, read the way the browser's own UI gets it. */
async function toolbarOf(context: BrowserContext, extensionId: string, tabId: number) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const state = await page.evaluate(async (id) => {
    const { action } = (globalThis as unknown as ActionGlobal).chrome;
    return {
      text: await action.getBadgeText({ tabId: id }),
      colour: await action.getBadgeBackgroundColor({ tabId: id }),
      title: await action.getTitle({ tabId: id }),
    };
  }, tabId);
  await page.close();
  return state;
}

test('the toolbar icon shows the tab’s score in its band colour, and clears after a soft navigation', async ({
  page,
  context,
  extensionId,
}) => {
  const repo = 'https://github.com/huggingface/ml-intern';
  expect(await visit(page, repo)).toBe('badge');
  const tabId = await tabIdOf(context, extensionId, repo);
  await expect.poll(async () => (await toolbarOf(context, extensionId, tabId)).text).toBe('75');
  const shown = await toolbarOf(context, extensionId, tabId);
  // The ship band's colour (#1a7f37), and the tool named in the icon's title.
  expect(shown.colour).toEqual([26, 127, 55, 255]);
  expect(shown.title).toBe('ml-intern: 75% ship · Verdict Lens');

  const unrated = new URL('https://github.com/openai/whisper');
  await installBadgeMonitor(page);
  await softNavigate(page, {
    url: unrated.href,
    html: githubPage(unrated),
    delayMs: 0,
    expectBadge: '',
    expectDuring: '',
  });
  expect(await settled(page, unrated.href)).toBe('none');
  await expect.poll(async () => (await toolbarOf(context, extensionId, tabId)).text).toBe('');
  expect((await toolbarOf(context, extensionId, tabId)).title).toBe('Verdict Lens');
});
