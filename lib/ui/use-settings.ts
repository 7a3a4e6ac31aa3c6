import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type LoadedSettings } from '../settings/schema';
import { loadSettings, watchSettings } from '../settings/storage';

/**
 * Current settings, live: a change in options shows at once in every open view. `initial`, when
 * the caller has read them already, is what the first render shows instead of the defaults.
 */
export function useSettings(initial?: LoadedSettings): LoadedSettings & { loaded: boolean } {
  const [state, setState] = useState<LoadedSettings & { loaded: boolean }>(() =>
    initial
      ? { ...initial, loaded: true }
      : { settings: DEFAULT_SETTINGS, repaired: [], loaded: false },
  );
  useEffect(() => {
    const abort = new AbortController();
    void loadSettings().then((s) => abort.signal.aborted || setState({ ...s, loaded: true }));
    watchSettings((s) => setState({ ...s, loaded: true }), abort.signal);
    return () => abort.abort();
  }, []);
  return state;
}
