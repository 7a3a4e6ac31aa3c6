import {
  fail,
  ok,
  type ContentRequest,
  type PageRequest,
  type Reply,
  type Request,
  type ResponseMap,
} from '../messaging/protocol';
import { ContentRequestSchema, PageRequestSchema } from '../messaging/request-schema';
import { TextError } from '../model/worker-text';
import {
  checkSender,
  type PolicyContext,
  type SenderInfo,
  type SenderKind,
} from '../messaging/sender-policy';

/** `from`: who the sender policy found the sender to be (content handlers also serve pages). */
type HandlersOf<R extends Request> = {
  [T in R['type']]: (
    req: Extract<R, { type: T }>,
    sender: SenderInfo,
    from?: SenderKind,
  ) => Promise<ResponseMap[T]>;
};

/** What content scripts (and pages) may ask. */
export type ContentHandlers = HandlersOf<ContentRequest>;
/** What only the extension's own pages may ask. */
export type PageHandlers = HandlersOf<PageRequest>;

export interface HandlerMaps {
  content: ContentHandlers;
  page: PageHandlers;
}

/** Largest message accepted; a lookup is a URL, settings are short. */
const MAX_MESSAGE_CHARS = 16_384;

/** Length of the message as JSON, or null when it is not JSON at all (a cycle, a BigInt). */
function jsonLength(message: unknown): number | null {
  try {
    return JSON.stringify(message ?? null)?.length ?? null;
  } catch {
    return null;
  }
}

type AnyHandler = (req: Request, sender: SenderInfo, from: SenderKind) => Promise<unknown>;

/** The message, checked, with the list it is in; null when it is in neither. */
function parseRequest(
  message: unknown,
): { list: 'content'; request: ContentRequest } | { list: 'page'; request: PageRequest } | null {
  const content = ContentRequestSchema.safeParse(message);
  if (content.success) return { list: 'content', request: content.data };
  const page = PageRequestSchema.safeParse(message);
  return page.success ? { list: 'page', request: page.data } : null;
}

/**
 * Validates size, shape and sender, then dispatches to the map the message is in: a content
 * script reaches only the content handlers. Never throws: every path ends in a reply, so a
 * misbehaving caller gets an error answer instead of a broken channel.
 */
export async function handleMessage(
  message: unknown,
  sender: SenderInfo,
  policy: PolicyContext,
  handlers: HandlerMaps,
): Promise<Reply<unknown>> {
  try {
    const size = jsonLength(message);
    if (size === null) return fail('bad-request', 'message is not JSON');
    if (size > MAX_MESSAGE_CHARS) return fail('bad-request', 'message too large');
    const parsed = parseRequest(message);
    if (!parsed) return fail('bad-request', 'unknown or malformed message');
    const from = checkSender(sender, policy);
    if (!from.allowed) return fail('forbidden', from.reason);
    const { list, request } = parsed;
    if (list === 'page' && from.kind !== 'page')
      return fail('forbidden', `${request.type} is for extension pages`);
    const map = (list === 'content' ? handlers.content : handlers.page) as Record<
      string,
      AnyHandler
    >;
    return ok(await map[request.type]!(request, sender, from.kind));
  } catch (error) {
    // A refused feed URL says why in words the page can translate.
    if (error instanceof TextError) return fail('bad-url', error.message, error.text);
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}
