import { useCallback, useState } from 'react';
import { saveSettings } from '../settings/storage';
import type { SettingKey, Settings } from '../settings/schema';

export interface SavedSetting<K extends SettingKey> {
  value: Settings[K];
  /** Shows the value at once and writes it to storage.sync; rejects when the write fails. */
  save: (value: Settings[K]) => Promise<void>;
}

/**
 * One setting as a control sees it: the user's change shows immediately (no flicker while the
 * write goes through), and a change made elsewhere (another page, the content script) replaces it.
 */
export function useSavedSetting<K extends SettingKey>(
  key: K,
  stored: Settings[K],
): SavedSetting<K> {
  const storedJson = JSON.stringify(stored);
  const [seen, setSeen] = useState(storedJson);
  const [value, setValue] = useState<Settings[K]>(stored);
  if (seen !== storedJson) {
    setSeen(storedJson);
    setValue(stored);
  }
  const save = useCallback(
    async (next: Settings[K]) => {
      setValue(next);
      try {
        await saveSettings({ [key]: next } as Partial<Settings>);
      } catch (error) {
        setSeen(''); // the next render shows the stored value again
        throw error;
      }
    },
    [key],
  );
  return { value, save };
}
