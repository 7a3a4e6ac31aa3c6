import { readFileSync } from 'node:fs';
import type { Feed } from '../../../lib/feed/schema';

/** The bundled dataset, as built from the saved pages. */
export function bundledFeed(): Feed {
  return JSON.parse(
    readFileSync(new URL('../../../public/data/feed.json', import.meta.url), 'utf8'),
  ) as Feed;
}

/**
 * TEST FEED, not product data: the bundled verdicts with Hugging Face match keys added (a model,
 * a dataset and a space), so the suite can exercise Hugging Face pages. Scores are the page's.
 */
export function testFeedWithHuggingFace(generatedAt = '2026-11-21T00:00:00.000Z'): Feed {
  const feed = bundledFeed();
  return {
    ...feed,
    generatedAt,
    tools: feed.tools.map((t) =>
      t.id === 'ml-intern'
        ? {
            ...t,
            match: {
              ...t.match,
              huggingface: [
                'huggingface/ml-intern',
                'datasets/huggingface/ml-intern-traces',
                'spaces/huggingface/ml-intern',
              ],
            },
          }
        : t,
    ),
  };
}

/** TEST FEED: like testFeedWithHuggingFace, with ml-intern's panel score changed to `panelShip`. */
export function testFeedWithScore(panelShip: number, generatedAt: string): Feed {
  const feed = testFeedWithHuggingFace(generatedAt);
  return {
    ...feed,
    verdicts: feed.verdicts.map((v) => (v.id === 'ml-intern' ? { ...v, panelShip } : v)),
  };
}
