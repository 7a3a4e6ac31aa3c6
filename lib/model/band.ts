/** How the panel leans: ship at 70 % and above, skip below 40 %, mixed between. */
export type Band = 'ship' | 'mixed' | 'skip';

export const SHIP_AT = 70;
export const SKIP_BELOW = 40;

export function bandOf(panelShip: number): Band {
  if (panelShip >= SHIP_AT) return 'ship';
  if (panelShip < SKIP_BELOW) return 'skip';
  return 'mixed';
}
