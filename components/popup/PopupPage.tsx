import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { pairSearch, partnerOf, type Pair } from '../../lib/ui/compare-view';
import { send } from '../../lib/messaging/protocol';
import { ComparePanel } from '../compare/ComparePanel';
import { HiddenHere } from './HiddenHere';
import { useSettings } from '../../lib/ui/use-settings';
import type { SettingsMiss } from '../../lib/messaging/protocol';
import type { ToolAnswer } from '../../lib/model/answers';

interface Start {
  pair: Pair;
  seed: ToolAnswer[];
  notice: string | null;
  /** The user's settings keep the badge off on this tab. */
  miss?: SettingsMiss;
}

/**
 * The tab to read: `popup.html?tab=ID` names one (tests open the popup as a page), else the active
 * tab of this window. Without the `tabs` permission its URL is only visible on GitHub and Hugging
 * Face (and granted product sites): elsewhere there is no URL, which reads as "no rated tool".
 */
async function targetTab(search: string) {
  const named = new URLSearchParams(search).get('tab');
  if (named !== null && /^\d{1,12}$/.test(named))
    return browser.tabs.get(Number(named)).catch(() => null);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active ?? null;
}

async function findStart(search: string): Promise<Start> {
  const none: Start = { pair: { a: null, b: null }, seed: [], notice: i18n.t('popup.noTool') };
  const tab = await targetTab(search).catch(() => null);
  if (!tab?.url) return none;
  const reply = await send({ type: 'lookupPage', url: tab.url });
  if (reply.ok && !reply.data.found && reply.data.bySettings)
    return { ...none, notice: null, miss: reply.data.bySettings };
  if (!reply.ok || !reply.data.found) return none;
  const { toolId, verdictId } = reply.data.badge;
  const full = await send({ type: 'getToolAnswer', toolId, verdictId });
  if (!full.ok || !full.data) return none;
  const answer = full.data;
  const partner = partnerOf(answer);
  return {
    pair: { a: answer.verdict.id, b: partner?.id ?? null },
    seed: [answer],
    notice: partner ? null : i18n.t('popup.noPartner', { title: answer.verdict.title }),
  };
}

const pageHref = (pair: Pair): string =>
  `${browser.runtime.getURL('/compare.html')}${pairSearch(pair)}`;

/** The toolbar popup: this tab's tool against its comparison partner, or a search for both. */
export function PopupPage() {
  const [start, setStart] = useState<Start | null>(null);
  // Looked up again when the settings change: "Show on this site" brings the tab's tool back.
  const { settings } = useSettings();
  const key = JSON.stringify([settings.hiddenHosts, settings.sites]);
  useEffect(() => {
    let live = true;
    void findStart(location.search).then((s) => live && setStart(s));
    return () => {
      live = false;
    };
  }, [key]);

  return (
    <main className="vl-popup" aria-busy={start === null}>
      <h1>{i18n.t('compare.title')}</h1>
      {start?.miss && <HiddenHere miss={start.miss} onShown={() => setStart(null)} />}
      {start ? (
        <ComparePanel
          initial={start.pair}
          seed={start.seed}
          notice={start.notice}
          variant="popup"
          pageHref={pageHref}
        />
      ) : (
        <p className="vl-empty">{i18n.t('popup.looking')}</p>
      )}
    </main>
  );
}
