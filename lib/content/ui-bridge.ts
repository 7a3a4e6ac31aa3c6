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

export const uiLoaded = (): boolean => bridge().factory !== undefined;

/** The UI factory once the UI script has run; rejects if it does not arrive in time. */
export function whenUi(timeoutMs: number): Promise<UiFactory> {
  const b = bridge();
  if (b.factory) return Promise.resolve(b.factory);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the badge UI did not load')), timeoutMs);
    b.waiters.push((factory) => {
      clearTimeout(timer);
      resolve(factory);
    });
  });
}
