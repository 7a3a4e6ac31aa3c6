import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { SettingsMiss } from '../../lib/messaging/protocol';
import { BUILT_IN_SITES } from '../../lib/sites/built-in';
import { loadSettings, saveSettings } from '../../lib/settings/storage';

const SITE_NAMES = {
  github: BUILT_IN_SITES.github.name,
  huggingface: BUILT_IN_SITES.huggingface.name,
  product: 'product sites',
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
      setProblem(`Could not save: ${String(error)}`);
    }
  };
  return (
    <div className="vl-notice" data-state="hidden" role="status">
      {'hiddenHost' in miss ? (
        <>
          <p>
            Verdict badges are hidden on <strong>{miss.hiddenHost}</strong>.
          </p>
          <button
            type="button"
            className="vl-button"
            onClick={() => void showAgain(miss.hiddenHost)}
          >
            Show badges on {miss.hiddenHost}
          </button>
        </>
      ) : (
        <>
          <p>Verdict badges are switched off for {SITE_NAMES[miss.siteOff]}.</p>
          <button
            type="button"
            className="vl-button"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            Open the options
          </button>
        </>
      )}
      {problem && <p className="vl-error">{problem}</p>}
    </div>
  );
}
