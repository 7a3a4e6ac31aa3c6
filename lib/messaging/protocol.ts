import { browser } from 'wxt/browser';
import type { ReviewerId } from '../feed/schema';
import type { BadgeSummary, ToolAnswer, VerdictListItem, VerdictSummary } from '../model/answers';
import type { Band } from '../model/band';
import type { DatasetCoverage, MetaRow } from '../model/dataset-meta';
import type { WorkerText } from '../model/worker-text';

/**
 * Every message the background answers, named verb-first. This file holds the types and `send`
 * and ships in the always-on script (lens.js), so it imports no validator; the zod schemas that
 * check each message on arrival are in request-schema.ts.
 *
 * Two lists, by who may send them: content scripts (the detection script and the popover in a
 * web page) send only ContentRequests; the extension's own pages may send both. The background
 * keeps one handler map per list (lib/background/*-handlers.ts), so where a message is answered
 * and who may send it are the same fact.
 */
export type ContentRequest =
  | { type: 'ping' }
  /** The badge for the sender's page URL, from the in-memory index. */
  | { type: 'lookupPage'; url: string }
  /**
   * From the list watcher (lib/content/list-probe.ts) of a list page without chips: result links
   * the page added. The worker runs the list script in the sender's frame if one is rated.
   */
  | { type: 'lookupNewResults'; pageUrl: string; urls: string[] }
  /**
   * The chips of a list page: the badges of the results it links to, in one message per page
   * and per batch of appended results (at most MAX_LIST_LINKS).
   */
  | { type: 'lookupLinks'; pageUrl: string; urls: string[] }
  /** From a content script whose badge is being opened: load the popover UI into its frame. */
  | { type: 'loadPopoverUi' }
  /** The whole answer for a tool (a verdict of it, or its newest): what the popover shows. */
  | { type: 'getToolAnswer'; toolId: string; verdictId?: string }
  /** Hides badges on the sender's own site ("Hide on this site"); showSite undoes it. */
  | { type: 'hideSite' }
  | { type: 'showSite' }
  | { type: 'openCompare'; a: string; b: string }
  /**
   * Which reviewers' quotes the popover shows. Content scripts cannot read the settings
   * themselves: storage is for the extension's own pages and worker (start.ts).
   */
  | { type: 'getFollowedReviewers' };

/**
 * What the worker tells the content scripts in every tab it can see when the settings changed
 * (tabs.sendMessage): look the page up again, and the popover its reviewers.
 */
export const SETTINGS_CHANGED = 'verdict-lens:settings-changed';

export type PageRequest =
  | { type: 'getStatus' }
  | { type: 'syncNow' }
  | { type: 'resetToBundled' }
  /** Saves the feed URL, and the feed public key when given ('' clears it). */
  | { type: 'setFeedUrl'; url: string; publicKey?: string }
  | { type: 'getProductSites' }
  /** What the installed dataset covers, counted from it (the welcome page). */
  | { type: 'getCoverage' }
  /** Type-ahead over the dataset (popup, compare page). */
  | { type: 'searchVerdicts'; query: string; limit?: number }
  /** A verdict's answer by the verdict's id alone (the compare view's links carry only those). */
  | { type: 'getVerdictAnswer'; verdictId: string }
  /** The library: every verdict, searched, filtered and sorted, a window at a time. */
  | ({ type: 'browseVerdicts' } & BrowseRequest);

/** What the library asks for (lib/store/search-index.ts answers it). */
export interface BrowseRequest {
  query: string;
  category?: string;
  band?: Band;
  entry?: string;
  sort: 'relevance' | 'ship' | 'date' | 'name';
  offset: number;
  limit: number;
}

export interface BrowseAnswer {
  total: number;
  items: VerdictListItem[];
  categories: string[];
  entries: string[];
}

export type Request = ContentRequest | PageRequest;
export type RequestType = Request['type'];
export type ContentRequestType = ContentRequest['type'];
export type PageRequestType = PageRequest['type'];

/**
 * What the badge needs, from memory; the popover asks for the whole answer (`getToolAnswer`) when
 * opened. `bySettings`: nothing is shown because of the user's settings (the site is switched off
 * or the host hidden), so a settings change may change the answer. Without it a miss means the
 * dataset has no verdict for the page, which no setting changes: the detection script then does
 * not listen for settings at all (see run-lens.ts).
 */
export type LookupResult =
  | { found: false; bySettings?: undefined }
  | { found: false; bySettings: SettingsMiss }
  | { found: true; badge: BadgeSummary };

/** At most this many result links in one lookupLinks message (a page of results is 10 to 100). */
export const MAX_LIST_LINKS = 200;

/**
 * One entry per asked URL, in order: its badge, or null. `bySettings`: the user switched chips
 * off for this site (or hid the host), so every entry is null and a settings change may bring
 * them back.
 */
export interface LinksResult {
  badges: (BadgeSummary | null)[];
  bySettings?: SettingsMiss | { listsOff: 'github' | 'huggingface' };
}

/** Why settings keep the badge off: the site's switch, or "Hide on this site" for this host. */
export type SettingsMiss =
  { hiddenHost: string } | { siteOff: 'github' | 'huggingface' | 'product' };

export interface StatusAnswer {
  meta: MetaRow | null;
  feedUrl: string;
  feedPublicKey: string;
  syncing: boolean;
}

export interface ResponseMap {
  ping: { pong: true };
  lookupPage: LookupResult;
  lookupLinks: LinksResult;
  lookupNewResults: { loaded: boolean };
  loadPopoverUi: { loaded: boolean };
  getToolAnswer: ToolAnswer | null;
  hideSite: { hidden: string };
  showSite: { shown: string };
  openCompare: { opened: true };
  getFollowedReviewers: { reviewers: ReviewerId[] };
  getStatus: StatusAnswer;
  syncNow: StatusAnswer;
  resetToBundled: StatusAnswer;
  setFeedUrl: StatusAnswer;
  /** Product domains in the dataset, the host patterns the user granted, and where the badge runs. */
  getProductSites: { domains: string[]; granted: string[]; active: string[] };
  /** Verdicts whose title or tool name matches: prefix matches first, then substrings. */
  searchVerdicts: VerdictSummary[];
  /** The answer for that verdict (its tool, with this verdict shown), or null when unknown. */
  getVerdictAnswer: ToolAnswer | null;
  browseVerdicts: BrowseAnswer;
  getCoverage: DatasetCoverage | null;
}

export type ErrorCode = 'bad-request' | 'forbidden' | 'internal' | 'bad-url';

/** `message` in English; `text`, where the worker has one, for a page to say in its language. */
export interface ReplyError {
  code: ErrorCode;
  message: string;
  text?: WorkerText;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, text?: WorkerText): Reply<never> => ({
  ok: false,
  error: text ? { code, message, text } : { code, message },
});

/** Sends a request to the background; a transport failure comes back as an error reply. */
export async function send<T extends RequestType>(
  request: Extract<Request, { type: T }>,
): Promise<Reply<ResponseMap[T]>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<ResponseMap[T]> | undefined;
    return reply ?? fail('internal', 'no answer from the background');
  } catch (error) {
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}
