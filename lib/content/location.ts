/**
 * Calls `onUrl` with the page's URL after each navigation inside it (GitHub and Hugging Face are
 * single-page apps), once that navigation has committed: the Navigation API's
 * `currententrychange`, which pushState, replaceState, traversals and intercepted navigations
 * fire as `location` changes. Not `navigate`: that comes before the page's own listeners may
 * cancel it, so routing on its destination let a page show the badge of any URL it named (and
 * so read whether the dataset rates it) and drop the badge with a navigation it then cancelled.
 * Where the API is missing, polls `location` once a second.
 */
export function watchLocation(signal: AbortSignal, onUrl: (url: string) => void): void {
  let last = location.href;
  const changed = () => {
    const url = location.href;
    if (url === last || signal.aborted) return;
    last = url;
    onUrl(url);
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', changed, { signal });
  } else {
    const timer = setInterval(changed, 1000);
    signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  }
}

/** The part of the Navigation API used here (not in TypeScript's DOM library yet). */
interface NavigationLike {
  addEventListener(
    type: 'currententrychange',
    listener: () => void,
    options: { signal: AbortSignal },
  ): void;
}
