import { describe, expect, it } from 'vitest';
import { placePopover, type Box } from '../../../lib/ui/popover-position';

const view = { width: 1280, height: 720 };
const badgeAt = (top: number, left = 100): Box => ({
  top,
  bottom: top + 22,
  left,
  right: left + 60,
});

/** The popover's box on screen for a placement and its natural height. */
function boxOf(badge: Box, height: number) {
  const p = placePopover(badge, height, view);
  if (p.kind === 'gone') return null;
  const shown = Math.min(height, p.maxHeight);
  const top = p.top ?? view.height - p.bottom! - shown;
  return { kind: p.kind, top, bottom: top + shown, left: p.left, shown };
}

describe('placePopover', () => {
  it('goes below a badge near the top, attached to it', () => {
    const box = boxOf(badgeAt(40), 500)!;
    expect(box).toMatchObject({ kind: 'below', top: 70, shown: 500 });
  });

  it('flips above a badge near the bottom, attached to it', () => {
    const box = boxOf(badgeAt(600), 500)!;
    expect(box.kind).toBe('above');
    expect(box.bottom).toBe(592);
    expect(box.shown).toBe(500);
  });

  it('stays inside the viewport wherever the badge is, cut to the roomier side', () => {
    for (let top = -21; top < view.height; top += 7) {
      for (const height of [100, 400, 700, 2000]) {
        const box = boxOf(badgeAt(top, 1250), height)!;
        expect(box.top).toBeGreaterThanOrEqual(8);
        expect(box.bottom).toBeLessThanOrEqual(view.height - 8);
        expect(box.left).toBeGreaterThanOrEqual(8);
        expect(box.left + 380).toBeLessThanOrEqual(view.width - 8);
      }
    }
  });

  it('is gone when the badge has left the viewport', () => {
    expect(placePopover(badgeAt(-22), 300, view).kind).toBe('gone');
    expect(placePopover(badgeAt(720), 300, view).kind).toBe('gone');
    expect(placePopover({ top: 10, bottom: 32, left: -80, right: 0 }, 300, view).kind).toBe('gone');
  });
});
