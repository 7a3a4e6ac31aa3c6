import { i18n } from '#i18n';
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';

/** The command that opens the popup (manifest `commands`). */
const OPEN_POPUP = '_execute_action';
/** Chrome's shortcut page: a page cannot link to it, but an extension may open it in a tab. */
const CHROME_SHORTCUTS = 'chrome://extensions/shortcuts';

type Shortcut = { kind: 'loading' } | { kind: 'set'; keys: string } | { kind: 'unset' };

/** The keyboard shortcut that opens the popup, and where to change it. */
export function ShortcutSettings() {
  const id = useId();
  const [shortcut, setShortcut] = useState<Shortcut>({ kind: 'loading' });
  useEffect(() => {
    void browser.commands.getAll().then(
      (commands) => {
        const keys = commands.find((c) => c.name === OPEN_POPUP)?.shortcut ?? '';
        setShortcut(keys ? { kind: 'set', keys } : { kind: 'unset' });
      },
      () => setShortcut({ kind: 'unset' }),
    );
  }, []);

  return (
    <section className="vl-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{i18n.t('shortcut.title')}</h2>
      <p>
        {shortcut.kind === 'loading'
          ? i18n.t('shortcut.reading')
          : shortcut.kind === 'set'
            ? i18n.t('shortcut.open')
            : i18n.t('shortcut.unset')}
        {shortcut.kind === 'set' && <kbd className="vl-kbd">{shortcut.keys}</kbd>}
      </p>
      {import.meta.env.FIREFOX ? (
        <p className="vl-hint">{i18n.t('shortcut.firefox')}</p>
      ) : (
        <p>
          <button
            type="button"
            className="vl-button"
            onClick={() => void browser.tabs.create({ url: CHROME_SHORTCUTS })}
          >
            {i18n.t('shortcut.change')}
          </button>
        </p>
      )}
    </section>
  );
}
