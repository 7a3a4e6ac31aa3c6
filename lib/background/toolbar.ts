import { browser } from 'wxt/browser';
import type { BadgeSummary } from '../model/answers';
import { bandOf, type Band } from '../model/band';
import { badgeLabel } from '../model/badge-label';

/** The band colours of the badge (lib/content/badge-styles.css), on the toolbar icon. */
const COLOUR: Record<Band, string> = { ship: '#1a7f37', mixed: '#9a6700', skip: '#cf222e' };
const DEFAULT_TITLE = 'Verdict Lens';

/** The part of `browser.action` the toolbar uses (a fake in unit tests). */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/**
 * The tab's verdict on the toolbar icon: the ship score in the band's colour, and the tool
 * named in the icon's title ("ml-intern: 75% ship"); cleared for a tab without one. Per tab,
 * from the worker: no permission beyond what the badge already has.
 */
export async function showOnToolbar(
  tabId: number,
  badge: BadgeSummary | null,
  action: ActionApi = browser.action as unknown as ActionApi,
): Promise<void> {
  if (!badge) {
    await Promise.all([
      action.setBadgeText({ tabId, text: '' }),
      action.setTitle({ tabId, title: DEFAULT_TITLE }),
    ]);
    return;
  }
  const band = bandOf(badge.panelShip);
  await Promise.all([
    action.setBadgeText({ tabId, text: String(Math.round(badge.panelShip)) }),
    action.setBadgeBackgroundColor({ tabId, color: COLOUR[band] }),
    // Not in every browser (Chrome 110+, Firefox 105+); white on the band colours where it is.
    action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
    action.setTitle({
      tabId,
      title: `${badgeLabel(badge.toolName, badge.panelShip)} · ${DEFAULT_TITLE}`,
    }),
  ]);
}
