import { fail, ok, type Reply, type Request, type ResponseMap } from '../messaging/protocol';
import { RequestSchema } from '../messaging/request-schema';
import { checkSender, type PolicyContext, type SenderInfo } from '../messaging/sender-policy';

export type Handlers = {
  [T in Request['type']]: (
    req: Extract<Request, { type: T }>,
    sender: SenderInfo,
  ) => Promise<ResponseMap[T]>;
};

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

/**
 * Validates shape and sender, then dispatches. Never throws: every path ends in a reply, so a
 * misbehaving caller gets an error answer instead of a broken channel.
 */
export async function handleMessage(
  message: unknown,
  sender: SenderInfo,
  policy: PolicyContext,
  handlers: Handlers,
): Promise<Reply<unknown>> {
  try {
    const size = jsonLength(message);
    if (size === null) return fail('bad-request', 'message is not JSON');
    if (size > MAX_MESSAGE_CHARS) return fail('bad-request', 'message too large');
    const parsed = RequestSchema.safeParse(message);
    if (!parsed.success) return fail('bad-request', 'unknown or malformed message');
    const request = parsed.data;
    const verdict = checkSender(request.type, sender, policy);
    if (!verdict.allowed) return fail('forbidden', verdict.reason);
    const handler = handlers[request.type] as (
      req: Request,
      sender: SenderInfo,
    ) => Promise<unknown>;
    return ok(await handler(request, sender));
  } catch (error) {
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}
