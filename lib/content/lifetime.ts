import { browser } from 'wxt/browser';

/**
 * The detection script's lifetime, in place of WXT's ContentScriptContext: that one is built by
 * WXT's content-script wrapper on every page and announces itself with a window.postMessage (for
 * scripts of older WXT versions), which alone cost ~0.7 ms of main-thread time on each GitHub
 * page. This keeps only what the lens uses: a signal, aborted when the extension is gone or a
 * newer copy of the script starts in the page.
 */
export interface Lifetime {
  signal: AbortSignal;
  /**
   * False once the script should stop. After an extension reload or update the old script keeps
   * running with a dead runtime (no id, every call throws); this notices and aborts.
   */
  alive(): boolean;
  /** Ends this copy (another copy runs the page already). */
  stop(): void;
}

export function startLifetime(name: string): Lifetime {
  const controller = new AbortController();
  // Unique to the extension (a second install, e.g. a dev build, has its own id) and the script.
  const started = `${browser.runtime.id}:${name}:started`;
  // Stops an older copy (its runtime is dead after a reload or update). DOM events reach every
  // isolated world; our own listener is added only after the dispatch, so it hears newer copies.
  document.dispatchEvent(new CustomEvent(started));
  // The page sees these events too and could send one: only a copy whose extension is gone
  // (reloaded or updated) stops, so a page cannot switch the lens off.
  document.addEventListener(
    started,
    () => {
      if (!browser.runtime?.id) controller.abort('a newer copy started');
    },
    { signal: controller.signal },
  );
  return {
    signal: controller.signal,
    alive() {
      if (!controller.signal.aborted && !browser.runtime?.id) controller.abort('extension gone');
      return !controller.signal.aborted;
    },
    stop() {
      controller.abort('another copy runs');
    },
  };
}
