/**
 * At most `max` actions in any `windowMs`: what stops a content script (or a page that found a
 * way to drive one) from opening tab after tab. A person clicking "Compare with …" stays far below.
 */
export function createRateLimit(max: number, windowMs: number, now: () => number = Date.now) {
  const times: number[] = [];
  return {
    /** Takes one slot; false when the window is full. */
    take(): boolean {
      const t = now();
      while (times.length > 0 && t - times[0]! >= windowMs) times.shift();
      if (times.length >= max) return false;
      times.push(t);
      return true;
    },
  };
}
