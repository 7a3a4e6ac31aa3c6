import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type LoadedSettings } from '../settings/schema';
import { loadSettings, watchSettings } from '../settings/storage';

/** Current settings, live: a change in options shows at once in every open view. */
export function useSettings(): LoadedSettings & { loaded: boolean } {
  const [state, setState] = useState<LoadedSettings & { loaded: boolean }>({
    settings: DEFAULT_SETTINGS,
    repaired: [],
    loaded: false,
  });
  useEffect(() => {
    const abort = new AbortController();
    void loadSettings().then((s) => abort.signal.aborted || setState({ ...s, loaded: true }));
    watchSettings((s) => setState({ ...s, loaded: true }), abort.signal);
    return () => abort.abort();
  }, []);
  return state;
}
