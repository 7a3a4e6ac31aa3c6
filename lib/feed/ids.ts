import { z } from 'zod';
import { MESSAGE } from './problems';

/**
 * The feed's ids, apart from the rest of the schema so the pages and the popover that check ids
 * (settings, messages, compare links) do not carry the Public Suffix List the schema uses.
 */

export const REVIEWER_IDS = [
  'builder',
  'skeptic',
  'futurist',
  'product',
  'creator',
  'business',
] as const;
export const ReviewerIdSchema = z.enum(REVIEWER_IDS);
export type ReviewerId = z.infer<typeof ReviewerIdSchema>;

export const SLUG_MAX = 128;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;
export const SlugSchema = z.string().max(SLUG_MAX).regex(SLUG, MESSAGE.slug);
