import { browser } from 'wxt/browser';
import type { ListPage } from '../detect/lists';
import type { LookupResult } from '../messaging/protocol';
import type { BadgeSummary } from '../model/answers';
import {
  hasLens,
  injectLens,
  injectListChips,
  injectPopoverUi,
  markPage,
  scanList,
  type ListScan,
} from './page-scripts';

/** What handlers do to the browser beyond the worker's own state; fakes stand in for them in tests. */
export interface WorkerEffects {
  /** Runs the popover UI script in one frame of a tab; false when it could not. */
  injectPopoverUi(tabId: number, frameId: number): Promise<boolean>;
  /** Runs the list script (chips) in one frame of a tab, with badges the worker has for `url`. */
  injectListChips(
    tabId: number,
    frameId: number,
    first?: { url: string; answer: Record<string, BadgeSummary | null> },
  ): Promise<boolean>;
  /** Runs the lens (the page's badge) in a tab's top frame, with the worker's answer for `url`. */
  injectLens(tabId: number, first?: { url: string; answer: LookupResult }): Promise<boolean>;
  /** Whether the lens already runs in the tab's page. */
  hasLens(tabId: number): Promise<boolean>;
  /** The list probe's findings in the tab's page; null where the list script runs already. */
  scanList(tabId: number, list: ListPage): Promise<ListScan | null>;
  /** The e2e build's page marks (undefined in every other build). */
  markPage?: typeof markPage;
  /** Opens one of the extension's pages in a new tab (`/compare.html?…`). */
  openExtensionPage(pathAndQuery: string): Promise<void>;
}

export const browserEffects: WorkerEffects = {
  injectPopoverUi,
  injectListChips,
  injectLens,
  hasLens,
  scanList,
  markPage: import.meta.env.MODE === 'e2e' ? markPage : undefined,
  async openExtensionPage(pathAndQuery) {
    await browser.tabs.create({ url: new URL(pathAndQuery, browser.runtime.getURL('/')).href });
  },
};
