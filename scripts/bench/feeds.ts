import { readFileSync } from 'node:fs';
import type { Feed } from '../../lib/feed/schema';
import { mergeFeeds, synthFeed } from '../synth';

/** The bundled dataset: the real ml-intern (github huggingface/ml-intern) and its comparison. */
export function bundledFeed(): Feed {
  return JSON.parse(
    readFileSync(new URL('../../public/data/feed.json', import.meta.url), 'utf8'),
  ) as Feed;
}

/** SYNTHETIC bench feed: the bundled dataset plus `tools` synthetic tools. */
export function benchFeed(tools: number, seed: number): Feed {
  return mergeFeeds(bundledFeed(), synthFeed({ tools, seed }));
}

/** The same, as compact JSON. */
export function benchFeedText(tools: number, seed: number): string {
  return JSON.stringify(benchFeed(tools, seed));
}

/**
 * SYNTHETIC: `feed` with 1 % of its tools changed, each by one verdict's score; `round` picks
 * another 1 % each time, so every publication of a chain differs from the one before.
 */
export function onePercentChanged(feed: Feed, round: number): Feed {
  const step = 100;
  return {
    ...feed,
    verdicts: feed.verdicts.map((v, i) =>
      i % step === round % step ? { ...v, panelShip: (v.panelShip + 7 + round) % 101 } : v,
    ),
  };
}
