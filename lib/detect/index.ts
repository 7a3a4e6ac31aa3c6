import { github } from './github';
import { huggingface } from './huggingface';
import { product } from './product';
import type { Detection, Detector, Site } from './types';

export type { Detection, Detector, Site } from './types';

/** In priority order: `product` is the catch-all, so it comes last. */
export const detectors: readonly Detector[] = [github, huggingface, product];

const bySite: Record<Site, Detector> = { github, huggingface, product };

export const detectorFor = (site: Site): Detector => bySite[site];

/** The first detector's finding for a page URL; null for anything unparsable or unknown. */
export function detect(url: string | URL): Detection | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  for (const detector of detectors) {
    const detection = detector.detect(parsed);
    if (detection) return detection;
  }
  return null;
}
