import { i18n } from '#i18n';
import { useCallback, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { checkFeedUrl } from '../../lib/feed/url-rules';
import { parsePublicKey } from '../../lib/feed/v2/signature';
import { feedStatusLines, lastErrorText, problemList } from '../../lib/ui/feed-status';
import { workerText } from '../../lib/ui/worker-text';
import { numberText, uiLocale } from '../../lib/ui/locale';
import { feedOriginPattern, requestHostAccess, type GrantOutcome } from '../../lib/ui/host-grants';
import { send, type Reply, type StatusAnswer } from '../../lib/messaging/protocol';
import { useSavedSetting } from '../../lib/ui/use-saved-setting';

const SYNC_HOURS = [1, 3, 6, 12, 24] as const;
/** How often the page asks again while the background syncs on its own (an alarm). */
const POLL_MS = 1000;

type Busy = 'save' | 'sync' | 'reset' | null;

interface Props {
  /** The stored values, live. */
  feedUrl: string;
  feedPublicKey: string;
  syncHours: number;
}

const hoursText = (h: number): string => i18n.t('feed.hours', h, [numberText(h)]);

/** Whether the typed URL is the one already saved (the background stores it normalized). */
function sameUrl(typed: string, saved: string): boolean {
  const t = typed.trim();
  if (t === '') return saved === '';
  const checked = checkFeedUrl(t);
  return checked.ok ? checked.url === saved : false;
}

/** Feed URL, sync now, reset, interval, and a plain-words status of the installed dataset. */
export function FeedSettings({ feedUrl, feedPublicKey, syncHours }: Props) {
  const id = useId();
  const [status, setStatus] = useState<StatusAnswer | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [input, setInput] = useState(feedUrl);
  const [seenUrl, setSeenUrl] = useState(feedUrl);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [keyInput, setKeyInput] = useState(feedPublicKey);
  const [seenKey, setSeenKey] = useState(feedPublicKey);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState('');
  const hours = useSavedSetting('syncHours', syncHours);

  // Changed elsewhere (another options tab): follow, unless the user is typing something else.
  if (seenUrl !== feedUrl) {
    setSeenUrl(feedUrl);
    if (input.trim() === seenUrl) setInput(feedUrl);
  }

  const showStatus = useCallback((reply: Reply<StatusAnswer>) => {
    if (reply.ok) {
      setStatus(reply.data);
      setStatusError(null);
    } else setStatusError(workerText(reply.error));
  }, []);
  const refresh = useCallback(() => send({ type: 'getStatus' }).then(showStatus), [showStatus]);

  useEffect(() => {
    void send({ type: 'getStatus' }).then(showStatus);
  }, [showStatus]);

  // A sync the background started by itself: ask again until it is over.
  const backgroundSyncing = status?.syncing === true && busy === null;
  useEffect(() => {
    if (!backgroundSyncing) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [backgroundSyncing, refresh]);

  if (seenKey !== feedPublicKey) {
    setSeenKey(feedPublicKey);
    if (keyInput.trim() === seenKey) setKeyInput(feedPublicKey);
  }

  /** Saves the typed URL (and key); null (and the message shown) when either is refused. */
  const saveUrl = async (url: string, publicKey?: string): Promise<StatusAnswer | null> => {
    if (publicKey !== undefined && publicKey.trim() !== '') {
      const parsed = parsePublicKey(publicKey);
      if (!parsed.ok) {
        setKeyError(i18n.t('feed.publicKeyInvalid'));
        return null;
      }
    }
    setKeyError(null);
    const reply = await send(
      publicKey === undefined
        ? { type: 'setFeedUrl', url }
        : { type: 'setFeedUrl', url, publicKey },
    );
    if (!reply.ok) {
      setUrlError(workerText(reply.error));
      return null;
    }
    setUrlError(null);
    setStatus(reply.data);
    setInput(reply.data.feedUrl);
    setKeyInput(reply.data.feedPublicKey);
    return reply.data;
  };

  /** Syncs; `access` is the answer to the host-access prompt, which the sync waits for. */
  const syncNow = async (access: Promise<GrantOutcome>): Promise<void> => {
    const outcome = await access;
    const reply = await send({ type: 'syncNow' });
    const note = outcome === 'denied' || outcome === 'failed' ? i18n.t('feed.noAccess') : '';
    if (!reply.ok) {
      setMessage(`${i18n.t('feed.syncFailed', { message: workerText(reply.error) })}${note}`);
      return;
    }
    setStatus(reply.data);
    setMessage(
      `${reply.data.meta?.lastError ? i18n.t('feed.syncFailedSee') : i18n.t('feed.syncDone')}${note}`,
    );
  };

  /**
   * Asks for the feed's origin (so its server need not send CORS headers). Called first thing in
   * the click: the browser only prompts during the gesture. Already granted: no prompt at all.
   */
  const askFeedAccess = (url: string): Promise<GrantOutcome> => {
    const pattern = feedOriginPattern(url);
    return requestHostAccess(browser.permissions, pattern ? [pattern] : []);
  };

  const run = async (what: Exclude<Busy, null>, task: () => Promise<void>) => {
    setBusy(what);
    setMessage('');
    try {
      await task();
    } catch (error) {
      setMessage(String(error));
    } finally {
      setBusy(null);
    }
  };

  const onSave = () => {
    const access = askFeedAccess(input);
    return run('save', async () => {
      const saved = await saveUrl(input, keyInput);
      if (!saved) return;
      if (saved.feedUrl === '') {
        setMessage(i18n.t('feed.cleared'));
        return;
      }
      setBusy('sync');
      await syncNow(access);
    });
  };

  const onSync = () => {
    const access = askFeedAccess(input);
    return run('sync', async () => {
      let saved = status?.feedUrl ?? feedUrl;
      if (!sameUrl(input, saved) || keyInput.trim() !== (status?.feedPublicKey ?? feedPublicKey)) {
        const answer = await saveUrl(input, keyInput);
        if (!answer) return;
        saved = answer.feedUrl;
      }
      if (saved === '') {
        setMessage(i18n.t('feed.noUrl'));
        return;
      }
      await syncNow(access);
    });
  };

  const onReset = () =>
    run('reset', async () => {
      const cleared = await saveUrl('');
      if (!cleared) return;
      const reply = await send({ type: 'resetToBundled' });
      if (!reply.ok) {
        setMessage(i18n.t('feed.resetFailed', { message: workerText(reply.error) }));
        return;
      }
      setStatus(reply.data);
      setMessage(i18n.t('feed.resetDone'));
    });

  const syncing = busy === 'sync' || status?.syncing === true;
  const lines = status
    ? feedStatusLines(status.meta, syncing, uiLocale())
    : syncing
      ? [i18n.t('status.syncing')]
      : [i18n.t('status.reading')];
  const problems = problemList(status?.meta?.lastError ?? null);
  const lastError = lastErrorText(status?.meta?.lastError ?? null);
  const hourChoices: number[] = SYNC_HOURS.includes(hours.value as (typeof SYNC_HOURS)[number])
    ? [...SYNC_HOURS]
    : [...SYNC_HOURS, hours.value].sort((x, y) => x - y);

  return (
    <section id="feed" className="vl-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{i18n.t('feed.title')}</h2>
      <p className="vl-intro">{i18n.t('feed.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <div className="vl-field">
          <label htmlFor={`${id}-url`}>{i18n.t('feed.url')}</label>
          <input
            id={`${id}-url`}
            className="vl-input"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={i18n.t('feed.placeholder')}
            value={input}
            aria-invalid={urlError !== null}
            aria-describedby={`${id}-url-hint${urlError ? ` ${id}-url-error` : ''}`}
            onChange={(e) => {
              setInput(e.target.value);
              setUrlError(null);
            }}
          />
          <p className="vl-hint" id={`${id}-url-hint`}>
            {i18n.t('feed.urlHint')}
          </p>
          {urlError && (
            <p className="vl-error" id={`${id}-url-error`} role="alert">
              {urlError}
            </p>
          )}
        </div>
        <div className="vl-field">
          <label htmlFor={`${id}-key`}>{i18n.t('feed.publicKey')}</label>
          <input
            id={`${id}-key`}
            className="vl-input vl-mono"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder={i18n.t('feed.publicKeyPlaceholder')}
            value={keyInput}
            aria-invalid={keyError !== null}
            aria-describedby={`${id}-key-hint${keyError ? ` ${id}-key-error` : ''}`}
            onChange={(e) => {
              setKeyInput(e.target.value);
              setKeyError(null);
            }}
          />
          <p className="vl-hint" id={`${id}-key-hint`}>
            {i18n.t('feed.publicKeyHint')}
          </p>
          {keyError && (
            <p className="vl-error" id={`${id}-key-error`} role="alert">
              {keyError}
            </p>
          )}
        </div>
        <div className="vl-actions">
          <button type="submit" className="vl-button" disabled={busy !== null}>
            {i18n.t('feed.save')}
          </button>
          <button
            type="button"
            className="vl-button"
            disabled={busy !== null || syncing}
            onClick={() => void onSync()}
          >
            {i18n.t('feed.syncNow')}
          </button>
          <button
            type="button"
            className="vl-button"
            disabled={busy !== null}
            onClick={() => void onReset()}
          >
            {i18n.t('feed.reset')}
          </button>
        </div>
      </form>

      <div className="vl-field">
        <label htmlFor={`${id}-hours`}>{i18n.t('feed.every')}</label>
        <select
          id={`${id}-hours`}
          className="vl-select"
          value={hours.value}
          onChange={(e) => {
            hours
              .save(Number(e.target.value))
              .catch((error: unknown) =>
                setMessage(i18n.t('common.couldNotSave', { error: String(error) })),
              );
          }}
        >
          {hourChoices.map((h) => (
            <option key={h} value={h}>
              {hoursText(h)}
            </option>
          ))}
        </select>
      </div>

      <p className="vl-message" aria-live="polite">
        {message}
      </p>

      <div className="vl-status" role="status">
        {lines.map((line) => (
          <p key={line} className={line === lastError ? 'vl-status-error' : undefined}>
            {line}
          </p>
        ))}
        {problems.items.length > 0 && (
          <ul className="vl-problems" aria-label={i18n.t('feed.problems')}>
            {problems.items.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
            {problems.more > 0 && (
              <li>{i18n.t('feed.moreProblems', { count: numberText(problems.more) })}</li>
            )}
          </ul>
        )}
        {statusError && (
          <p className="vl-status-error">{i18n.t('feed.statusFailed', { error: statusError })}</p>
        )}
      </div>
    </section>
  );
}
