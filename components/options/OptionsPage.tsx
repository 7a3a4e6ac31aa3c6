import { i18n } from '#i18n';
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

/** "Some settings were invalid and were reset to defaults: reviewers, sync interval." */
export const repairedText = (keys: readonly SettingKey[]): string =>
  i18n.t('options.repaired', {
    names: keys.map((k) => i18n.t(`options.setting.${k}`)).join(', '),
  });

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
      <h1>{i18n.t('options.title')}</h1>
      <nav className="vl-actions" aria-label={i18n.t('options.more')}>
        <a href={browser.runtime.getURL('/library.html')}>{i18n.t('options.library')}</a>
        <a href={browser.runtime.getURL('/welcome.html')}>{i18n.t('options.welcome')}</a>
      </nav>
      {repairedAtOpen && repairedAtOpen.length > 0 && (
        <div className="vl-notice" role="alert">
          <p>{repairedText(repairedAtOpen)}</p>
        </div>
      )}
      {loaded ? (
        <>
          <ReviewerChoices stored={settings.reviewers} />
          <FeedSettings
            feedUrl={settings.feedUrl}
            feedPublicKey={settings.feedPublicKey}
            syncHours={settings.syncHours}
          />
          <SiteSettings
            sites={settings.sites}
            lists={settings.lists}
            hiddenHosts={settings.hiddenHosts}
          />
          <ShortcutSettings />
          <AboutData />
        </>
      ) : (
        <p className="vl-empty">{i18n.t('options.loading')}</p>
      )}
    </main>
  );
}
