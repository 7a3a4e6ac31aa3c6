/** The probe's answer: the page's URL, base URL and candidate hrefs; null where lists.js runs. */
export type ProbeAnswer = { page: string; base: string; hrefs: string[] } | null;

/**
 * What the worker runs in a list page before it knows whether the list holds a rated result
 * (`scripting.executeScript` with `func`, lib/background/list-scan.ts): the candidate result
 * links' hrefs, returned to the worker as the script's result, which looks them up off the page's
 * main thread. Most list pages hold no rated result, and for them this is all Verdict Lens runs:
 * no extension API is touched (building the bindings alone costs a page 0.36 ms), no message is
 * sent, and the list script (lists.js, the chips) is never loaded.
 *
 * It also leaves a watcher for results the page adds later ("Load more", infinite scroll, a new
 * query rendered after its URL changed): once per animation frame of DOM changes, hrefs it has
 * not reported yet are sent to the worker (`lookupNewResults`), which loads the list script if
 * one is rated. The watcher stops once the list script runs: that one follows the page itself.
 *
 * Serialized by the browser and run in the page's isolated world, so it closes over nothing: the
 * selector, the href shape and the global names come as arguments.
 */
export function probeListLinks(
  selector: string,
  hrefShape: string,
  names: { watcher: string; lists: string; message: string; max: number },
): ProbeAnswer | Promise<ProbeAnswer> {
  const g = globalThis as unknown as Record<string, unknown>;
  // Run as the navigation is reported, it waits for the parsed document: the results the page
  // was served with are then in, and the watcher does not see each of them being parsed. The
  // scan runs inside the listener, not after an `await` of it: the continuation of a native
  // `resolve` listener runs in a microtask the page's ScriptDuration does not count, which hid
  // the whole scan from the bench (docs/benchmarks.md, "What the list probe costs").
  if (document.readyState === 'loading')
    return new Promise((resolve) =>
      document.addEventListener('DOMContentLoaded', () => resolve(scan()), { once: true }),
    );
  return scan();

  // A declaration inside the probe: the browser serializes the probe alone, so it closes over
  // nothing outside it.
  function scan(): ProbeAnswer {
    if (g[names.lists]) return null;
    // Indexed, not for…of: a NodeList's iterator is one more thing made in this world.
    const hrefsIn = (root: ParentNode, into: string[]) => {
      const links = root.querySelectorAll(selector);
      for (let i = 0; i < links.length; i++) into.push(links[i]!.getAttribute('href')!);
      return into;
    };
    // Every href, unchecked: the worker sorts them out off the page's main thread.
    const hrefs = hrefsIn(document, []);
    // A later probe of the same document (a soft navigation) hands its hrefs to the watcher.
    const watching = g[names.watcher];
    if (typeof watching === 'function') watching(hrefs);
    else {
      // What the worker has already been sent, made into a set only once the page adds nodes:
      // most list pages are read and left, and this probe is all they run (docs/benchmarks.md).
      const reported: string[][] = [hrefs];
      let known: Set<string> | null = null;
      let shape: RegExp | null = null;
      g[names.watcher] = (more: string[]) =>
        known ? more.forEach((h) => known!.add(h)) : reported.push(more);
      let added: Element[] = [];
      let frame = 0;
      const report = () => {
        frame = 0;
        known ??= new Set(reported.flat());
        shape ??= new RegExp(hrefShape, 'i');
        const fresh: string[] = [];
        for (const node of added) {
          if (!node.isConnected) continue;
          const found: string[] = node.matches(selector) ? [node.getAttribute('href') ?? ''] : [];
          for (const href of hrefsIn(node, found)) {
            if (!shape.test(href) || known.has(href)) continue;
            known.add(href);
            fresh.push(href);
          }
        }
        added = [];
        if (fresh.length === 0) return;
        const api = (g.browser ?? g.chrome) as {
          runtime?: { id?: string; sendMessage(message: unknown): Promise<unknown> };
        };
        // The extension was reloaded or removed: this copy has nothing to report to.
        if (!api?.runtime?.id) return observer.disconnect();
        const message = {
          type: names.message,
          pageUrl: document.URL,
          urls: fresh.slice(0, names.max),
        };
        api.runtime.sendMessage(message).catch(() => undefined);
      };
      const observer = new MutationObserver((records) => {
        if (g[names.lists]) return observer.disconnect();
        for (const record of records)
          for (const node of record.addedNodes)
            if (node.nodeType === 1) added.push(node as Element);
        if (added.length > 0 && frame === 0) frame = requestAnimationFrame(report);
      });
      observer.observe(document, { childList: true, subtree: true });
    }
    // document.URL, not location: the Location object would be one more thing made in this
    // world.
    return { page: document.URL, base: document.baseURI, hrefs };
  }
}
