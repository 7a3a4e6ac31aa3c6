import { browser } from 'wxt/browser';
import { PAGE_GLOBALS } from '../content/page-globals';
import { probeListLinks, type ProbeAnswer } from '../content/list-probe';
import { probedLinks, RESULT_HREF } from '../content/result-links';
import type { ListPage } from '../detect/lists';
import { MAX_LIST_LINKS, type LookupResult } from '../messaging/protocol';
import type { BadgeSummary } from '../model/answers';

/**
 * Everything the worker runs in web pages. GitHub and Hugging Face pages get no script of ours
 * until the worker has decided they need one (docs/architecture.md, "Who runs what in a page"):
 * the lens where the page has a verdict, the list probe on list pages, the list script where a
 * list holds a rated result, the popover UI when a badge is first opened. Always the top frame.
 */
type ScriptFile = '/lens.js' | '/lists.js' | '/content-scripts/popover.js';

/**
 * The detection script (badge), on a page whose URL the dataset rates, with the answer the worker
 * found for `url` left beside it, so its first lookup is no second round trip. Idempotent per
 * document (a lens already there ignores both).
 */
export const injectLens = (
  tabId: number,
  first?: { url: string; answer: LookupResult },
): Promise<boolean> => injectWith(tabId, 0, '/lens.js', PAGE_GLOBALS.firstAnswer, first);

/**
 * The popover UI (React), when a badge is first opened: a page pays for React at most once, and
 * only when the user opens a verdict. A failure leaves the badge in place; the next click asks again.
 */
export const injectPopoverUi = (tabId: number, frameId: number): Promise<boolean> =>
  injectScript(tabId, frameId, '/content-scripts/popover.js');

/**
 * The list script (chips), where a list holds a rated result, with the badges the worker found
 * for its probed results. Idempotent per document.
 */
export const injectListChips = (
  tabId: number,
  frameId: number,
  first?: { url: string; answer: Record<string, BadgeSummary | null> },
): Promise<boolean> => injectWith(tabId, frameId, '/lists.js', PAGE_GLOBALS.firstLinks, first);

/**
 * A script with what the worker already knows left beside it (under the page global `name`):
 * both requests go out together, and the browser runs a frame's injections in order. The value
 * goes as JSON text: Chrome drops an object's null-valued properties from `executeScript`'s
 * arguments (a list's unrated results were all lost that way, and the list script asked again),
 * and a string comes through whole.
 */
async function injectWith(
  tabId: number,
  frameId: number,
  file: ScriptFile,
  name: string,
  first: unknown,
): Promise<boolean> {
  const leave = first
    ? runInPage(
        tabId,
        frameId,
        true,
        (key: string, json: string) => {
          (globalThis as unknown as Record<string, unknown>)[key] = JSON.parse(json);
        },
        [name, JSON.stringify(first)],
      )
    : null;
  const [ran] = await Promise.all([injectScript(tabId, frameId, file), leave]);
  return ran;
}

async function injectScript(tabId: number, frameId: number, file: ScriptFile): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [file],
      // Without it Chrome holds the script until the page is idle; the badge waits on it.
      injectImmediately: true,
    });
    return true;
  } catch (error) {
    // A tab closed or navigated to a page we may not script: nothing to show there.
    console.debug(`Verdict Lens: could not run ${file}`, error);
    return false;
  }
}

/**
 * Runs `func` in one frame of a tab (`immediate`: without waiting for the document to be idle):
 * what it returned, or null where the page cannot be scripted (a tab closed or navigated away).
 */
async function runInPage<Args extends unknown[], Result>(
  tabId: number,
  frameId: number,
  immediate: boolean,
  func: (...args: Args) => Result,
  args: Args,
): Promise<{ result: unknown } | null> {
  try {
    const [ran] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      injectImmediately: immediate,
      func,
      args,
    });
    return { result: ran?.result };
  } catch {
    return null;
  }
}

/** Whether the lens runs in the tab's page (a load the first injection missed gets it then). */
export async function hasLens(tabId: number): Promise<boolean> {
  const ran = await runInPage(
    tabId,
    0,
    false,
    (name: string) => typeof (globalThis as Record<string, unknown>)[name] === 'function',
    [PAGE_GLOBALS.lens],
  );
  // A page we may not script gets no lens either.
  return ran ? ran.result === true : true;
}

/** What the list probe found in a tab's page: its URL, base URL and candidate result hrefs. */
export type ListScan = NonNullable<ProbeAnswer>;

/**
 * Runs the list probe (lib/content/list-probe.ts) in the tab's page, which answers once the
 * page is parsed (at DOMContentLoaded, not Chrome's later document_idle), so the results the
 * page was served with come back as the answer, not one by one to the watcher. Null where the
 * list script already runs, or the page cannot be scripted.
 */
export async function scanList(tabId: number, list: ListPage): Promise<ListScan | null> {
  const ran = await runInPage(tabId, 0, true, probeListLinks, [
    probedLinks(list),
    RESULT_HREF.source,
    {
      watcher: PAGE_GLOBALS.listWatcher,
      lists: PAGE_GLOBALS.lists,
      message: 'lookupNewResults',
      max: MAX_LIST_LINKS,
    },
  ]);
  return (ran?.result as ListScan | null | undefined) ?? null;
}

/**
 * The e2e build's page marks for a decision the worker took without a script of ours in the page
 * (the lens and list script mark their own): "none <url>", "0 <url>". Written only while the page
 * still shows `url`, so a late mark never names an older page.
 */
export async function markPage(
  tabId: number,
  key: 'verdictLens' | 'verdictLensChips',
  value: string,
  url: string,
): Promise<void> {
  await runInPage(
    tabId,
    0,
    false,
    (k: string, v: string, u: string) => {
      if (location.href === u) document.documentElement.dataset[k] = `${v} ${u}`;
    },
    [key, value, url],
  );
}
