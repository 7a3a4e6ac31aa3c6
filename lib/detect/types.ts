import type { MatchKey } from '../model/match-keys';

export type Site = 'github' | 'huggingface' | 'product';

/** What a detector found on a page: the site, and the match keys to look up, most specific first. */
export interface Detection {
  site: Site;
  keys: MatchKey[];
  /** Human-readable name of what was detected, e.g. `huggingface/ml-intern`. */
  label: string;
}

/** Finds what a page URL is about on one site. Its example URLs are in examples.ts. */
export interface Detector {
  site: Site;
  detect(url: URL): Detection | null;
}
