import { i18n } from '#i18n';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { SettingsMiss } from '../../lib/messaging/protocol';
import { BUILT_IN_SITES } from '../../lib/sites/built-in';
import { loadSettings, saveSettings } from '../../lib/settings/storage';
import { Slotted } from '../shared/Slotted';

const SITE_NAMES = {
  github: BUILT_IN_SITES.github.name,
  huggingface: BUILT_IN_SITES.huggingface.name,
  product: null,
} as const;

/** The tab is one the user hid badges on, or its kind of site is switched off: say so. */
export function HiddenHere({ miss, onShown }: { miss: SettingsMiss; onShown: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const showAgain = async (host: string) => {
    try {
      const { settings } = await loadSettings();
      await saveSettings({ hiddenHosts: settings.hiddenHosts.filter((h) => h !== host) });
      onShown();
    } catch (error) {
      setProblem(i18n.t('common.couldNotSave', { error: String(error) }));
    }
  };
  return (
    <div className="vl-notice" data-state="hidden" role="status">
      {'hiddenHost' in miss ? (
        <>
          <p>
            <Slotted
              text={i18n.t('popup.hiddenOn', { host: '{host}' })}
              slots={{ host: <strong>{miss.hiddenHost}</strong> }}
            />
          </p>
          <button
            type="button"
            className="vl-button"
            onClick={() => void showAgain(miss.hiddenHost)}
          >
            {i18n.t('popup.showOn', { host: miss.hiddenHost })}
          </button>
        </>
      ) : (
        <>
          <p>
            {i18n.t('popup.siteOff', {
              site: SITE_NAMES[miss.siteOff] ?? i18n.t('popup.productSites'),
            })}
          </p>
          <button
            type="button"
            className="vl-button"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            {i18n.t('common.openOptions')}
          </button>
        </>
      )}
      {problem && <p className="vl-error">{problem}</p>}
    </div>
  );
}
