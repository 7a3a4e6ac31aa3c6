import type { MatchKey } from '../match-keys';

export type Site = 'github' | 'huggingface' | 'product';

/** What a detector found on a page: the site, and the match keys to look up, most specific first. */
export interface Detection {
  site: Site;
  keys: MatchKey[];
  /** Human-readable name of what was detected, e.g. `huggingface/ml-intern`. */
  label: string;
}

/** Each detector carries example URLs; the table test checks them against every detector. */
export interface Detector {
  site: Site;
  detect(url: URL): Detection | null;
  examples: {
    /** URL → the label it must detect. */
    match: Record<string, string>;
    /** URLs on the detector's own site it must reject. */
    reject: string[];
  };
}
