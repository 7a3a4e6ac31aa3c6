import { bandOf } from './band';
import { percent } from './format';
import { uiMessage } from './ui-message';

/**
 * What a badge says, in one place: the drawn badge, React's badge, and every other surface that
 * names a verdict in a word (a list chip, the toolbar icon's title) read it from here, in the
 * UI's language (lens.js has no i18n library: browser.i18n directly).
 */

/** "ship", the word after the badge's score. */
export const shipWord = (): string => uiMessage('badge_ship');

/** "ml-intern: 75% ship": the short label, also the toolbar icon's title. */
export const badgeLabel = (toolName: string, panelShip: number): string =>
  uiMessage('badge_label', toolName, percent(panelShip));

/** The badge button's accessible name: "ml-intern: 75% ship (ship), open panel verdict". */
export const badgeAccessibleName = (toolName: string, panelShip: number): string =>
  uiMessage(
    'badge_name',
    badgeLabel(toolName, panelShip),
    uiMessage(`band_${bandOf(panelShip)}`).toLowerCase(),
  );
