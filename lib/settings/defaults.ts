import type { ReviewerId } from '../feed/ids';
import { PERSONA_ORDER } from '../model/reviewers';

/**
 * The defaults the page side needs before the worker answers, without the settings schema: the
 * popover script is injected on a click, and zod would be a third of what that click loads
 * (docs/benchmarks.md, popover.open.first.ms). The schema takes its defaults from here.
 */

/** Every reviewer of the panel, in its order. */
export const DEFAULT_REVIEWERS: readonly ReviewerId[] = PERSONA_ORDER;
