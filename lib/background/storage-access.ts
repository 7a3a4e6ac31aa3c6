import { browser } from 'wxt/browser';

type Area = 'local' | 'sync';

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Keeps the settings (the feed URL among them) out of content scripts' reach: code running in a
 * content script's world, on any page the lens runs on, could otherwise write them, and
 * storage.sync would carry a feed URL of its choosing to the user's other devices. Content
 * scripts get what they need by message (the lookup, the followed reviewers) instead.
 *
 * Chrome (102+) honours TRUSTED_CONTEXTS for storage.local and storage.sync. Firefox supports
 * setAccessLevel for storage.session only (bug 1724754), so there content scripts can still
 * reach both areas; the lens itself does not touch them anywhere. Set on every worker start,
 * as Chrome does not promise to keep it across browser restarts. Resolves with the areas that
 * are now restricted.
 */
export async function restrictStorageToExtension(): Promise<Area[]> {
  const restricted: Area[] = [];
  for (const area of ['local', 'sync'] as const) {
    const storage = browser.storage[area] as unknown as AccessLevelArea;
    if (typeof storage.setAccessLevel !== 'function') continue;
    try {
      await storage.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      restricted.push(area);
    } catch (error) {
      console.warn(`Verdict Lens: storage.${area} stays open to content scripts`, error);
    }
  }
  return restricted;
}
