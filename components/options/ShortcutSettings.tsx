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
      <h2 id={`${id}-h`}>Keyboard shortcut</h2>
      <p>
        {shortcut.kind === 'loading'
          ? 'Reading the shortcut…'
          : shortcut.kind === 'set'
            ? 'Open Verdict Lens: '
            : 'No shortcut opens Verdict Lens (another extension or the browser may use its keys).'}
        {shortcut.kind === 'set' && <kbd className="vl-kbd">{shortcut.keys}</kbd>}
      </p>
      {import.meta.env.FIREFOX ? (
        <p className="vl-hint">
          To change it, open about:addons, choose the gear menu and then Manage Extension Shortcuts.
        </p>
      ) : (
        <p>
          <button
            type="button"
            className="vl-button"
            onClick={() => void browser.tabs.create({ url: CHROME_SHORTCUTS })}
          >
            Change the shortcut
          </button>
        </p>
      )}
    </section>
  );
}
