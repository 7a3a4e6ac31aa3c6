/**
 * Calls `onUrl` with the new URL of each navigation in the page (GitHub and Hugging Face are
 * single-page apps), before `location` changes: the Navigation API's `navigate` event, as WXT's
 * `wxt:locationchange` uses. Where that API is missing, polls `location` once a second.
 */
export function watchLocation(signal: AbortSignal, onUrl: (url: string) => void): void {
  let last = location.href;
  const changed = (url: string) => {
    if (url === last || signal.aborted) return;
    last = url;
    onUrl(url);
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('navigate', (event) => changed(event.destination.url), { signal });
  } else {
    const timer = setInterval(() => changed(location.href), 1000);
    signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  }
}

/** The part of the Navigation API used here (not in TypeScript's DOM library yet). */
interface NavigationLike {
  addEventListener(
    type: 'navigate',
    listener: (event: { destination: { url: string } }) => void,
    options: { signal: AbortSignal },
  ): void;
}
