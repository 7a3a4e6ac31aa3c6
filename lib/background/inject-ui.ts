import { browser } from 'wxt/browser';

/**
 * Runs the popover UI script (React) in one frame of a tab. The detection script asks for it
 * (`loadPopoverUi`) when a badge is first opened and the UI is not loaded there yet, so a page pays
 * for React at most once, and only when the user opens a verdict. A failure leaves the drawn
 * badge in place; the next click asks again.
 */
export const injectPopoverUi = (tabId: number, frameId: number): Promise<boolean> =>
  injectScript(tabId, frameId, '/content-scripts/popover.js');

/**
 * Runs the list script (the chips beside rated results) in one frame of a tab whose lens asked
 * about a list page. Running it again in the same document is harmless: the first copy stays.
 */
export const injectListChips = (tabId: number, frameId: number): Promise<boolean> =>
  injectScript(tabId, frameId, '/lists.js');

async function injectScript(
  tabId: number,
  frameId: number,
  file: '/content-scripts/popover.js' | '/lists.js',
): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [file],
      // Without it Chrome holds the script until the page is idle; the badge waits on it.
      injectImmediately: true,
    });
    return true;
  } catch (error) {
    console.warn(`Verdict Lens: could not run ${file}`, error);
    return false;
  }
}
