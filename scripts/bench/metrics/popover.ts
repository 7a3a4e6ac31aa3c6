import type { BrowserContext, Page } from '@playwright/test';
import type { BenchContext } from '../context';
import { FLOOR_SELECTOR } from '../floor-extension';
import { BADGE_SELECTOR, RATED_URL } from './badge';

/**
 * Click → the popover showing its quotes, timed in the page: from the click event's time stamp
 * to the first reviewer quote in the badge's shadow root (open in the bench build, as in e2e).
 * `selector` is the badge's host: ours, or the floor extension's.
 */
async function timeOpening(page: Page, selector: string): Promise<number> {
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
    selector,
  );
  await page.locator(selector).getByRole('button', { name: / ship/ }).first().click();
  return opened;
}

export interface Openings {
  /** The first opening in a tab: the worker injects the React UI, then it renders. */
  first: number[];
  /** Later openings in the same tab, per run. */
  warm: number[][];
}

export interface PopoverSamples extends Openings {
  /** The same openings of the floor extension's React popover, in the same runs. */
  floor: Openings;
}

/** A fresh tab on the rated repo, the first opening, then five more after Escape. */
async function openings(context: BrowserContext, selector: string) {
  const page = await context.newPage();
  await page.goto(RATED_URL);
  await page.locator(selector).waitFor();
  const first = await timeOpening(page, selector);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Escape');
    await page.locator(selector).getByRole('dialog').waitFor({ state: 'detached' });
    warm.push(await timeOpening(page, selector));
  }
  await page.close();
  return { first, warm };
}

/** Each run: the floor extension's openings, then ours, each in a fresh tab. */
export async function measurePopover(ctx: BenchContext): Promise<PopoverSamples> {
  const out: PopoverSamples = { first: [], warm: [], floor: { first: [], warm: [] } };
  for (let run = 0; run < ctx.runs + 1; run++) {
    const floor = await openings(ctx.floor.context, FLOOR_SELECTOR);
    await ctx.ping();
    const ours = await openings(ctx.ext.context, BADGE_SELECTOR);
    // The first run warms the browsers' caches of the UI scripts: not counted.
    if (run === 0) continue;
    out.first.push(ours.first);
    out.warm.push(ours.warm);
    out.floor.first.push(floor.first);
    out.floor.warm.push(floor.warm);
  }
  const line = (xs: number[]) => xs.map((n) => n.toFixed(1)).join(' ');
  ctx.progress(`popover first: ${line(out.first)}; floor: ${line(out.floor.first)}`);
  return out;
}
