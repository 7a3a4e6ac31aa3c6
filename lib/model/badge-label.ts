import { bandOf, BAND_LABEL } from './band';
import { percent } from './format';

/**
 * What a badge says, in one place: the drawn badge, React's badge, and every other surface that
 * names a verdict in a word (a list chip, the toolbar icon's title) read it from here.
 */

/** "ml-intern: 75% ship": the short label, also the toolbar icon's title. */
export const badgeLabel = (toolName: string, panelShip: number): string =>
  `${toolName}: ${percent(panelShip)} ship`;

/** The badge button's accessible name: "ml-intern: 75% ship (ship), open panel verdict". */
export const badgeAccessibleName = (toolName: string, panelShip: number): string =>
  `${badgeLabel(toolName, panelShip)} (${BAND_LABEL[bandOf(panelShip)].toLowerCase()}), open panel verdict`;
