import { browser } from 'wxt/browser';
import { SETTINGS_CHANGED } from '../messaging/protocol';

/**
 * Calls `onChange` each time the worker says the settings changed (content scripts cannot read
 * them: lib/background/storage-access.ts), until `signal` aborts.
 */
export function onSettingsChanged(signal: AbortSignal, onChange: () => void): void {
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === SETTINGS_CHANGED) onChange();
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), {
    once: true,
  });
}
