import { browser } from 'wxt/browser';

/**
 * Runs the badge UI script (React) in one frame of a tab. The detection script asks for it only
 * while the UI is not loaded there, so each page pays for React at most once, and only when it
 * has a verdict. A failure leaves the page as it was; the detection script then shows nothing.
 */
export async function injectBadgeUi(tabId: number, frameId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: ['/content-scripts/lens-ui.js'],
      // Without it Chrome holds the script until the page is idle; the badge waits on it.
      injectImmediately: true,
    });
    return true;
  } catch (error) {
    console.warn('Verdict Lens: could not load the badge UI', error);
    return false;
  }
}
