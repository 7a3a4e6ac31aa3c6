import { browser } from 'wxt/browser';
import { injectListChips, injectPopoverUi } from './inject-ui';

/** What handlers do to the browser beyond the worker's own state; fakes stand in for them in tests. */
export interface WorkerEffects {
  /** Runs the popover UI script in one frame of a tab; false when it could not. */
  injectPopoverUi(tabId: number, frameId: number): Promise<boolean>;
  /** Runs the list script (chips) in one frame of a tab; false when it could not. */
  injectListChips(tabId: number, frameId: number): Promise<boolean>;
  /** Opens one of the extension's pages in a new tab (`/compare.html?…`). */
  openExtensionPage(pathAndQuery: string): Promise<void>;
}

export const browserEffects: WorkerEffects = {
  injectPopoverUi,
  injectListChips,
  async openExtensionPage(pathAndQuery) {
    await browser.tabs.create({ url: new URL(pathAndQuery, browser.runtime.getURL('/')).href });
  },
};
