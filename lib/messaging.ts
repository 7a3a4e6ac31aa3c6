import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { MetaRow } from './db';
import type { ToolAnswer } from './lookup';
import { SlugSchema } from './schema';

/** Every message the background answers. Validated on arrival: the sender is never trusted. */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('lookup'), url: z.string().max(4096) }),
  z.object({ type: z.literal('tool'), toolId: SlugSchema, verdictId: SlugSchema.optional() }),
  z.object({ type: z.literal('status') }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('setFeedUrl'), url: z.string().max(4096) }),
  z.object({ type: z.literal('openCompare'), a: SlugSchema, b: SlugSchema }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** What content scripts may ask; everything else is for the extension's own pages. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>(['ping', 'lookup', 'tool', 'openCompare']);

export type LookupResult = { found: false } | { found: true; answer: ToolAnswer };

export interface StatusAnswer {
  meta: MetaRow | null;
  feedUrl: string;
  syncing: boolean;
}

export interface ResponseMap {
  ping: { pong: true };
  lookup: LookupResult;
  tool: ToolAnswer | null;
  status: StatusAnswer;
  syncNow: StatusAnswer;
  reset: StatusAnswer;
  setFeedUrl: StatusAnswer;
  openCompare: { opened: true };
}

export type ErrorCode = 'bad-request' | 'forbidden' | 'internal' | 'bad-url';

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

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
