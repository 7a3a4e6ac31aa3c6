import type { LoadToolAnswer } from './load-answer';
import type { Theme } from './theme';
import type { ToolAnswer, BadgeSummary } from '../model/answers';
import type { ReviewerId } from '../feed/schema';

/**
 * The detection script is tiny and always runs, and draws the badge itself; the React popover
 * is a second script the background injects when a badge is first opened. Both run in the
 * extension's isolated world, so they meet on a global that the page itself cannot see.
 */
/** What the popover asks of the detection script, which alone talks to the background. */
export interface PopoverActions {
  /** The tool's answer with that verdict shown; without a verdict id, its newest. */
  loadToolAnswer: LoadToolAnswer;
  compare: (verdictId: string, partnerVerdictId: string) => void;
  /** Hides badges on this site; resolves with an error message, or null when done. */
  hideSite: () => Promise<string | null>;
  /**
   * The reviewers the user follows, asked of the background (content scripts cannot read the
   * settings); null when it did not answer.
   */
  followedReviewers: () => Promise<ReviewerId[] | null>;
  /** Calls back whenever the settings changed; returns the unsubscribe. */
  watchSettings: (onChange: () => void) => () => void;
}

export interface PopoverMount {
  /** Inside the badge's shadow root; React renders the badge and its popover here. */
  container: HTMLElement;
  host: HTMLElement;
  badge: BadgeSummary;
  theme: Theme;
  actions: PopoverActions;
  /** Read while the UI loaded; null when it could not be (the popover then says so). */
  answer: ToolAnswer | null;
  /** The reviewers the user follows, read while the UI loaded; null when they could not be. */
  reviewers: readonly ReviewerId[] | null;
}

export interface MountedPopover {
  render(badge: BadgeSummary, theme: Theme): void;
  unmount(): void;
}

/** Mounts React over the drawn badge, with the popover open. */
export type UiFactory = (mount: PopoverMount) => MountedPopover;

interface Bridge {
  factory?: UiFactory;
  waiters: ((factory: UiFactory) => void)[];
}

const KEY = '__verdictLensUi';

function bridge(): Bridge {
  const g = globalThis as unknown as Record<typeof KEY, Bridge | undefined>;
  return (g[KEY] ??= { waiters: [] });
}

/** Called by the UI script when it has loaded. */
export function provideUi(factory: UiFactory): void {
  const b = bridge();
  b.factory = factory;
  for (const wake of b.waiters.splice(0)) wake(factory);
}

/**
 * The UI factory, asking the worker to inject the UI script when it is not there yet. Resolves as
 * soon as the script has provided itself, not when the worker's reply is back: the reply reaches
 * the page 20 to 40 ms after the script ran (docs/benchmarks.md, popover.open.first.ms). Rejects
 * when the worker says it could not inject it, or when nothing arrives in time; the badge stays
 * and the next click asks again.
 */
export function loadUi(ask: () => Promise<boolean>, timeoutMs: number): Promise<UiFactory> {
  const b = bridge();
  if (b.factory) return Promise.resolve(b.factory);
  return new Promise((resolve, reject) => {
    const wake = (factory: UiFactory) => {
      clearTimeout(timer);
      resolve(factory);
    };
    const fail = (error: unknown) => {
      clearTimeout(timer);
      const waiting = b.waiters.indexOf(wake);
      if (waiting >= 0) b.waiters.splice(waiting, 1);
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error('the badge UI did not load')), timeoutMs);
    b.waiters.push(wake);
    ask().then((loaded) => {
      if (!loaded && !b.factory) fail(new Error('the background could not load the UI'));
    }, fail);
  });
}
