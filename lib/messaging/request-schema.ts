import { z } from 'zod';
import { SlugSchema } from '../feed/ids';
import { MAX_LIST_LINKS, type ContentRequest, type PageRequest } from './protocol';

const url = z.string().max(4096);

/** The runtime check of protocol.ts's ContentRequest: the background trusts no sender. */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('lookupPage'), url }),
  z.object({
    type: z.literal('lookupNewResults'),
    pageUrl: url,
    urls: z.array(url).max(MAX_LIST_LINKS),
  }),
  z.object({
    type: z.literal('lookupLinks'),
    pageUrl: url,
    urls: z.array(url).max(MAX_LIST_LINKS),
  }),
  z.object({ type: z.literal('loadPopoverUi') }),
  z.object({
    type: z.literal('getToolAnswer'),
    toolId: SlugSchema,
    verdictId: SlugSchema.optional(),
  }),
  z.object({ type: z.literal('hideSite') }),
  z.object({ type: z.literal('showSite') }),
  z.object({ type: z.literal('openCompare'), a: SlugSchema, b: SlugSchema }),
  z.object({ type: z.literal('getFollowedReviewers') }),
]);

/** The runtime check of protocol.ts's PageRequest. */
export const PageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getStatus') }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('resetToBundled') }),
  z.object({
    type: z.literal('setFeedUrl'),
    url,
    publicKey: z.string().max(200).optional(),
  }),
  z.object({ type: z.literal('getProductSites') }),
  z.object({ type: z.literal('getCoverage') }),
  z.object({
    type: z.literal('searchVerdicts'),
    query: z.string().max(200),
    limit: z.number().int().min(1).max(50).optional(),
  }),
  z.object({ type: z.literal('getVerdictAnswer'), verdictId: SlugSchema }),
  z.object({
    type: z.literal('browseVerdicts'),
    query: z.string().max(200),
    category: z.string().max(100).optional(),
    band: z.enum(['ship', 'mixed', 'skip']).optional(),
    entry: z.string().max(40).optional(),
    sort: z.enum(['relevance', 'ship', 'date', 'name']),
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(200),
  }),
]);

export const RequestSchema = z.union([ContentRequestSchema, PageRequestSchema]);

/** Every request type, by the list it is in. */
export const CONTENT_REQUEST_TYPES = ContentRequestSchema.options.map((o) => o.shape.type.value);
export const PAGE_REQUEST_TYPES = PageRequestSchema.options.map((o) => o.shape.type.value);

// Each schema and its protocol type must describe the same messages, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contentAgrees: Same<z.infer<typeof ContentRequestSchema>, ContentRequest> = true;
const pageAgrees: Same<z.infer<typeof PageRequestSchema>, PageRequest> = true;
void contentAgrees;
void pageAgrees;
