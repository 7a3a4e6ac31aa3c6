import { useEffect, useState } from 'react';
import type { ReviewerId } from '../feed/schema';
import type { PopoverActions } from '../content/ui-bridge';
import { DEFAULT_REVIEWERS } from '../settings/defaults';

/**
 * The reviewers whose quotes the popover shows, live: in a web page the settings are out of
 * reach (storage is for extension contexts only), so they come from the background by message,
 * again each time the background says the settings changed.
 */
export function useFollowedReviewers(
  actions: Pick<PopoverActions, 'followedReviewers' | 'watchSettings'>,
  initial: readonly ReviewerId[] | null = null,
): readonly ReviewerId[] {
  // Read with the first opening where possible: the defaults would show a reviewer the user
  // switched off for one render.
  const [reviewers, setReviewers] = useState<readonly ReviewerId[]>(initial ?? DEFAULT_REVIEWERS);
  const { followedReviewers, watchSettings } = actions;
  useEffect(() => {
    let live = true;
    const load = () =>
      void followedReviewers().then((next) => live && next !== null && setReviewers(next));
    load();
    const stop = watchSettings(load);
    return () => {
      live = false;
      stop();
    };
  }, [followedReviewers, watchSettings]);
  return reviewers;
}
