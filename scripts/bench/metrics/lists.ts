import type { Page } from '@playwright/test';
import type { BenchContext } from '../context';
import { FLOOR_SELECTOR } from '../floor-extension';
import { LIST_RATED, LIST_URL } from '../list-page';
import { timeToElement, watchedPage } from './badge';

const CHIP_SELECTOR = '[data-verdict-lens-host="badge"][data-anchor="list"]';

export interface ChipSamples {
  chips: number[];
  floor: number[];
}

/**
 * Navigation start → every chip in, on the 100-result search page with 10 rated results, the
 * worker warm; alternating with the floor extension's static insert on the same page.
 */
export async function measureListChips(ctx: BenchContext): Promise<ChipSamples> {
  const extPage = await watchedPage(await ctx.ext.context.newPage(), CHIP_SELECTOR, LIST_RATED);
  const floorPage: Page = await watchedPage(await ctx.floor.context.newPage(), FLOOR_SELECTOR);
  const out: ChipSamples = { chips: [], floor: [] };
  await ctx.ping();
  await timeToElement(extPage, LIST_URL);
  await timeToElement(floorPage, LIST_URL);
  for (let run = 0; run < ctx.runs; run++) {
    out.floor.push(await timeToElement(floorPage, LIST_URL));
    await ctx.ping();
    out.chips.push(await timeToElement(extPage, LIST_URL));
  }
  const chips = await extPage.locator(CHIP_SELECTOR).count();
  if (chips !== LIST_RATED) throw new Error(`${chips} chips on the list page, not ${LIST_RATED}`);
  ctx.progress(`list chips: ${out.chips.map((n) => n.toFixed(1)).join(' ')}`);
  await extPage.close();
  await floorPage.close();
  return out;
}
