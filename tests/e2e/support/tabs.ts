import type { BrowserContext } from '@playwright/test';

interface TabsGlobal {
  chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
}

/** The id of the tab showing `url`, as an extension page sees it (for `popup.html?tab=ID`). */
export async function tabIdOf(
  context: BrowserContext,
  extensionId: string,
  url: string,
): Promise<number> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const id = await page.evaluate(async (want) => {
    const tabs = await (globalThis as unknown as TabsGlobal).chrome.tabs.query({});
    return tabs.find((t) => t.url === want)?.id ?? -1;
  }, url);
  await page.close();
  return id;
}
