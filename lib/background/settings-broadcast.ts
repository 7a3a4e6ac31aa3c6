import { browser } from 'wxt/browser';
import { SETTINGS_CHANGED } from '../messaging/protocol';

/**
 * Content scripts cannot read the settings (storage-access.ts), so they hear of a change from
 * here: every tab whose URL the worker can see (the sites the lens runs on) is told, and its
 * lens looks the page up again. Tabs without a lens just refuse the message.
 */
export async function tellTabsSettingsChanged(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id, url }) => {
      if (id === undefined || !url) return;
      try {
        await browser.tabs.sendMessage(id, { type: SETTINGS_CHANGED });
      } catch {
        // No lens in that tab (another site, a page still loading): nothing to update.
      }
    }),
  );
}
