import type { Page } from '@playwright/test';
import type { BenchContext } from '../context';
import { BADGE_SELECTOR, RATED_URL } from './badge';

/**
 * Click → the popover showing its quotes, timed in the page: from the click event's time stamp
 * to the first reviewer quote in the badge's shadow root (open in the bench build, as in e2e).
 */
async function timeOpening(page: Page): Promise<number> {
  const opened = page.evaluate(
    (selector) =>
      new Promise<number>((resolve, reject) => {
        const host = document.querySelector(selector);
        const root = host?.shadowRoot;
        if (!host || !root) return reject(new Error('no badge with an open shadow root'));
        let clickedAt: number | null = null;
        window.addEventListener('click', (e) => (clickedAt = e.timeStamp), {
          capture: true,
          once: true,
        });
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const observer = new MutationObserver(() => {
          if (clickedAt === null || !root.querySelector('[role="dialog"] [data-reviewer]')) return;
          observer.disconnect();
          resolve(performance.now() - clickedAt);
        });
        observer.observe(root, { childList: true, subtree: true });
        setTimeout(() => reject(new Error('no popover after 10 s')), 10_000);
      }),
    BADGE_SELECTOR,
  );
  await page.locator(BADGE_SELECTOR).getByRole('button', { name: / ship/ }).first().click();
  return opened;
}

export interface PopoverSamples {
  /** The first opening in a tab: the worker injects the React UI, then it renders. */
  first: number[];
  /** Later openings in the same tab, per run. */
  warm: number[][];
}

/** Each run: a fresh tab on the rated repo, the first opening, then five more after Escape. */
export async function measurePopover(ctx: BenchContext): Promise<PopoverSamples> {
  const out: PopoverSamples = { first: [], warm: [] };
  for (let run = 0; run < ctx.runs + 1; run++) {
    const page = await ctx.ext.context.newPage();
    await ctx.ping();
    await page.goto(RATED_URL);
    await page.locator(BADGE_SELECTOR).waitFor();
    const first = await timeOpening(page);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Escape');
      await page.locator(BADGE_SELECTOR).getByRole('dialog').waitFor({ state: 'detached' });
      warm.push(await timeOpening(page));
    }
    await page.close();
    // The first run warms the browser's caches of the UI script: not counted.
    if (run === 0) continue;
    out.first.push(first);
    out.warm.push(warm);
  }
  ctx.progress(`popover first: ${out.first.map((n) => n.toFixed(1)).join(' ')}`);
  return out;
}
