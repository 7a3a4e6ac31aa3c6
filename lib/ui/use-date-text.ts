import { useDeferredValue } from 'react';
import { dateText, uiLocale } from './locale';

/**
 * A date in the UI's language, from the render after the first: the first `Intl` formatter a
 * page makes loads ICU's data (about 30 ms on a slow machine, in a page that has not used `Intl`
 * yet), and a popover's first frame should not wait for it to show the verdict and its quotes
 * (docs/benchmarks.md, popover.open.first.ms). Empty until then; React renders the dates next.
 */
export function useDateText(iso: string | null | undefined, locale = uiLocale()): string {
  const ready = useDeferredValue(true, false);
  return ready ? dateText(iso, locale) : '';
}
