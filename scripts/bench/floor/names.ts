/** The floor extension's badge: the bench waits for this id like for ours. */
export const FLOOR_ID = 'verdict-lens-bench-floor';
/** Where the floor extension's content script finds its React popover once loaded. */
export const FLOOR_UI_GLOBAL = '__verdictLensBenchFloorUi';
