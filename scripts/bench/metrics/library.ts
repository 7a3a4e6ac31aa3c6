import type { Page } from '@playwright/test';
import type { BenchContext } from '../context';
import { QUERIES } from './popup';

/**
 * One keystroke in the library's search box → the first results of the new query on screen:
 * the list is busy from the keystroke's render until the answer's rows are in (aria-busy).
 */
function typeAndWait(page: Page, text: string): Promise<number> {
  return page.evaluate(
    (value) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        const feed = document.querySelector('[role="feed"]');
        if (!input || !feed) return reject(new Error('no library search or list'));
        let busy = false;
        const start = performance.now();
        const observer = new MutationObserver((records) => {
          // Busy and done can fall in one batch of records: the old values tell.
          if (records.some((r) => r.oldValue === 'true')) busy = true;
          if (feed.getAttribute('aria-busy') === 'true') busy = true;
          else if (busy) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(feed, {
          attributes: true,
          attributeFilter: ['aria-busy'],
          attributeOldValue: true,
        });
        // As typing does: the input's value, then its input event (React listens to it).
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        set.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => reject(new Error(`no results for "${value}" after 10 s`)), 10_000);
      }),
    text,
  );
}

/** Per run, one query typed a character at a time into library.html, over the big dataset. */
export async function measureLibrary(ctx: BenchContext): Promise<number[][]> {
  const page = await ctx.ext.context.newPage();
  await page.goto(`chrome-extension://${ctx.extensionId}/library.html`);
  await page.locator('[role="feed"][aria-busy="false"]').waitFor();
  const out: number[][] = [];
  for (let run = 0; run < Math.max(ctx.runs, QUERIES.length); run++) {
    const query = QUERIES[run % QUERIES.length]!;
    const typed: number[] = [];
    for (let i = 1; i <= query.length; i++) typed.push(await typeAndWait(page, query.slice(0, i)));
    out.push(typed);
    await typeAndWait(page, '');
  }
  await page.close();
  return out;
}
