/** The parts of `runtime.MessageSender` the policy reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface PolicyContext {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  /** Whether content scripts run on this host: GitHub, Hugging Face, granted product sites. */
  isServedHost: (host: string) => boolean;
}

/** Who sent a message: one of the extension's own pages, or a content script in a web page. */
export type SenderKind = 'page' | 'content';

export type SenderVerdict =
  { allowed: true; kind: SenderKind } | { allowed: false; reason: string };

/**
 * Only this extension may talk to the background; content scripts only from the top frame of
 * the sites it serves. What each kind may ask is decided by the handler map a message is in
 * (lib/background/dispatch.ts): content scripts get the content handlers only.
 */
export function checkSender(sender: SenderInfo, ctx: PolicyContext): SenderVerdict {
  if (sender.id !== ctx.extensionId) return { allowed: false, reason: 'unknown sender' };
  const url = sender.url ?? '';
  if (url.startsWith(ctx.extensionOrigin)) return { allowed: true, kind: 'page' };
  if (!sender.tab) return { allowed: false, reason: 'no tab' };
  if (sender.frameId !== 0) return { allowed: false, reason: 'sub-frames are not served' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allowed: false, reason: 'no sender URL' };
  }
  if (parsed.protocol !== 'https:' || !ctx.isServedHost(parsed.hostname)) {
    return { allowed: false, reason: 'site not served' };
  }
  return { allowed: true, kind: 'content' };
}
