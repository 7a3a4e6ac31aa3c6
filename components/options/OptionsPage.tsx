import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useSettings } from '../../lib/ui/use-settings';
import { AboutData } from '../shared/AboutData';
import { FeedSettings } from './FeedSettings';
import { ReviewerChoices } from './ReviewerChoices';
import { ShortcutSettings } from './ShortcutSettings';
import { SiteSettings } from './SiteSettings';
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from '../../lib/settings/schema';
import { saveSettings } from '../../lib/settings/storage';

const SETTING_NAMES: Record<SettingKey, string> = {
  reviewers: 'reviewers',
  sites: 'sites',
  lists: 'badges in lists',
  hiddenHosts: 'hidden sites',
  feedUrl: 'feed URL',
  syncHours: 'sync interval',
};

/** "Some settings were invalid and were reset to defaults: reviewers, sync interval." */
export const repairedText = (keys: readonly SettingKey[]): string =>
  `Some settings were invalid and were reset to defaults: ${keys.map((k) => SETTING_NAMES[k]).join(', ')}.`;

/** The options page: reviewers, feed, sites. */
export function OptionsPage() {
  const { settings, repaired, loaded } = useSettings();
  // What was repaired when the page opened; it stays on screen after the defaults are written back.
  const [repairedAtOpen, setRepairedAtOpen] = useState<SettingKey[] | null>(null);
  if (loaded && repairedAtOpen === null) setRepairedAtOpen(repaired);

  useEffect(() => {
    if (!repairedAtOpen || repairedAtOpen.length === 0) return;
    const defaults: Partial<Settings> = {};
    for (const key of repairedAtOpen) Object.assign(defaults, { [key]: DEFAULT_SETTINGS[key] });
    void saveSettings(defaults).catch(() => undefined);
  }, [repairedAtOpen]);

  return (
    <main className="vl-page vl-page-narrow">
      <h1>Verdict Lens options</h1>
      <nav className="vl-actions" aria-label="More">
        <a href={browser.runtime.getURL('/library.html')}>All verdicts (library)</a>
        <a href={browser.runtime.getURL('/welcome.html')}>Welcome and about the data</a>
      </nav>
      {repairedAtOpen && repairedAtOpen.length > 0 && (
        <div className="vl-notice" role="alert">
          <p>{repairedText(repairedAtOpen)}</p>
        </div>
      )}
      {loaded ? (
        <>
          <ReviewerChoices stored={settings.reviewers} />
          <FeedSettings feedUrl={settings.feedUrl} syncHours={settings.syncHours} />
          <SiteSettings sites={settings.sites} hiddenHosts={settings.hiddenHosts} />
          <ShortcutSettings />
          <AboutData />
        </>
      ) : (
        <p className="vl-empty">Loading your settings…</p>
      )}
    </main>
  );
}
