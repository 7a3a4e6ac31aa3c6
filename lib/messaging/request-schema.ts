import { z } from 'zod';
import type { Request } from './protocol';
import { SlugSchema } from '../feed/schema';

const url = z.string().max(4096);

/** The runtime check of lib/messaging.ts's `Request`: the background trusts no sender. */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('lookup'), url }),
  z.object({ type: z.literal('ui') }),
  z.object({ type: z.literal('tool'), toolId: SlugSchema, verdictId: SlugSchema.optional() }),
  z.object({ type: z.literal('hideSite'), host: z.string().min(1).max(253) }),
  z.object({ type: z.literal('status') }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('setFeedUrl'), url }),
  z.object({ type: z.literal('openCompare'), a: SlugSchema, b: SlugSchema }),
  z.object({ type: z.literal('productSites') }),
  z.object({
    type: z.literal('search'),
    query: z.string().max(200),
    limit: z.number().int().min(1).max(50).optional(),
  }),
  z.object({ type: z.literal('verdict'), verdictId: SlugSchema }),
]);

// The schema and the protocol's type must describe the same messages, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agrees: Same<z.infer<typeof RequestSchema>, Request> = true;
void agrees;
