import { browser } from 'wxt/browser';

/**
 * Runs the popover UI script (React) in one frame of a tab. The detection script asks for it
 * (`loadPopoverUi`) when a badge is first opened and the UI is not loaded there yet, so a page pays
 * for React at most once, and only when the user opens a verdict. A failure leaves the drawn
 * badge in place; the next click asks again.
 */
export async function injectPopoverUi(tabId: number, frameId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: ['/content-scripts/popover.js'],
      // Without it Chrome holds the script until the page is idle; the badge waits on it.
      injectImmediately: true,
    });
    return true;
  } catch (error) {
    console.warn('Verdict Lens: could not load the popover UI', error);
    return false;
  }
}
