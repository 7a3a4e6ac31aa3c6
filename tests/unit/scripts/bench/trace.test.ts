/**
 * The bench's trace reading (scripts/bench/trace.ts): the time V8 spends in the extension's
 * isolated worlds, which a function run by `executeScript({ func })` (no URL) shows only there.
 */
import { describe, expect, it } from 'vitest';
import { extensionWorldMs, unionLength, type TraceEvent } from '../../../../scripts/bench/trace';

const PAGE = 'https://github.com/search?q=unrated&type=repositories';

const span = (name: string, ts: number, dur: number, worldName?: string, tid = 1): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  pid: 7,
  tid,
  args: worldName ? { worldName } : {},
});

describe('unionLength', () => {
  it('counts nested and overlapping spans once, and gaps not at all', () => {
    expect(unionLength([])).toBe(0);
    expect(
      unionLength([
        [0, 10],
        [2, 5],
      ]),
    ).toBe(10);
    expect(
      unionLength([
        [5, 15],
        [0, 10],
        [20, 30],
      ]),
    ).toBe(25);
  });
});

describe('extensionWorldMs', () => {
  const parse: TraceEvent = { ...span('ParseHTML', 0, 50), args: { beginData: { url: PAGE } } };

  it("sums the extension's world's compiles, runs and calls, a call's microtasks inside it", () => {
    const events = [
      parse,
      span('v8.compile', 100, 300, 'Verdict Lens'),
      span('v8.run', 400, 500, 'Verdict Lens'),
      // A DOMContentLoaded listener's call, and the microtasks it ran, nested in it.
      span('v8.callFunction', 2_000, 2_200, 'Verdict Lens'),
      span('RunMicrotasks', 2_050, 2_100),
    ];
    expect(extensionWorldMs(events, PAGE, 0)).toBeCloseTo(3);
  });

  it("leaves out Playwright's worlds, the main world, other threads and earlier events", () => {
    const events = [
      parse,
      span('v8.run', 100, 1_000, '__playwright_utility_world__'),
      span('v8.run', 2_000, 1_000),
      span('v8.run', 4_000, 1_000, 'Verdict Lens', 2),
      span('v8.run', -5_000, 1_000, 'Verdict Lens'),
      span('v8.run', 6_000, 250, 'Verdict Lens'),
    ];
    expect(extensionWorldMs(events, PAGE, 0)).toBeCloseTo(0.25);
  });
});
