import { browser } from 'wxt/browser';
import type { MetaRow } from '../model/dataset-meta';
import type { ToolAnswer, VerdictSummary, BadgeSummary } from '../model/answers';

/**
 * Every message the background answers. This file holds the types and `send`, and ships in the
 * always-on content script; the zod schema that checks each message on arrival lives in
 * messaging-schema.ts, so the content script carries no validator it does not use.
 */
export type Request =
  | { type: 'ping' }
  | { type: 'lookup'; url: string }
  /** From a content script whose badge is being opened: load the popover UI into its frame. */
  | { type: 'ui' }
  | { type: 'tool'; toolId: string; verdictId?: string }
  | { type: 'hideSite'; host: string }
  | { type: 'status' }
  | { type: 'syncNow' }
  | { type: 'reset' }
  | { type: 'setFeedUrl'; url: string }
  | { type: 'openCompare'; a: string; b: string }
  | { type: 'productSites' }
  // Extension pages only (popup, compare page): type-ahead over the dataset, and a verdict by id.
  | { type: 'search'; query: string; limit?: number }
  | { type: 'verdict'; verdictId: string };
export type RequestType = Request['type'];

/** What content scripts may ask; everything else is for the extension's own pages. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'ping',
  'lookup',
  'ui',
  'tool',
  'hideSite',
  'openCompare',
]);

/**
 * What the badge needs, from memory; the popover asks for the whole answer (`tool`) when opened.
 * `bySettings`: nothing is shown because of the user's settings (the site is switched off or the
 * host hidden), so a settings change may change the answer. Without it a miss means the dataset
 * has no verdict for the page, which no setting changes: the content script then does not listen
 * for settings at all (see run-lens.ts).
 */
export type LookupResult =
  { found: false; bySettings?: true } | { found: true; badge: BadgeSummary };

export interface StatusAnswer {
  meta: MetaRow | null;
  feedUrl: string;
  syncing: boolean;
}

export interface ResponseMap {
  ping: { pong: true };
  lookup: LookupResult;
  ui: { loaded: boolean };
  tool: ToolAnswer | null;
  status: StatusAnswer;
  syncNow: StatusAnswer;
  reset: StatusAnswer;
  setFeedUrl: StatusAnswer;
  openCompare: { opened: true };
  hideSite: { hidden: string };
  /** Product domains in the dataset, the host patterns the user granted, and where the badge runs. */
  productSites: { domains: string[]; granted: string[]; active: string[] };
  /** Verdicts whose title or tool name matches: prefix matches first, then substrings. */
  search: VerdictSummary[];
  /** The answer for that verdict (its tool, with this verdict shown), or null when unknown. */
  verdict: ToolAnswer | null;
}

export type ErrorCode = 'bad-request' | 'forbidden' | 'internal' | 'bad-url';

export type Reply<T> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Reply<never> => ({
  ok: false,
  error: { code, message },
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
