export const percent = (n: number): string => `${Math.round(n)}%`;

/** "—" is the review site's own mark for "no votes yet". */
export const communityText = (n: number | null): string => (n === null ? '—' : percent(n));
