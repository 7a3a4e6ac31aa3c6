import { browser } from 'wxt/browser';
import type { VerdictDb } from '../store/db';
import { installFeed } from '../store/install';
import { parseFeed, describeProblem } from '../feed/validate';

/** The dataset built from the saved pages and shipped inside the extension. */
export async function installBundled(db: VerdictDb): Promise<void> {
  const response = await fetch(browser.runtime.getURL('/data/feed.json'));
  const parsed = parseFeed(await response.json());
  if (!parsed.ok) {
    // A build that ships an invalid dataset is a bug in the build, not a user error.
    throw new Error(`bundled dataset invalid: ${parsed.problems.map(describeProblem).join('; ')}`);
  }
  await installFeed(db, parsed.feed, { source: 'bundled' });
}
