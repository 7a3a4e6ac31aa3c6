import { i18n } from '#i18n';
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { compareSummary, staleNotice, type Pair } from '../../lib/ui/compare-view';
import { send } from '../../lib/messaging/protocol';
import { SlugSchema } from '../../lib/feed/ids';
import { useSettings } from '../../lib/ui/use-settings';
import { uiLocale } from '../../lib/ui/locale';
import { CompareTable } from './CompareTable';
import { ToolPicker, type SearchFn } from './ToolPicker';
import { Slotted } from '../shared/Slotted';
import type { MetaRow } from '../../lib/model/dataset-meta';
import type { ToolAnswer, VerdictSummary } from '../../lib/model/answers';

type SideState =
  | { kind: 'none' }
  | { kind: 'loading'; id: string; title?: string }
  | { kind: 'ready'; answer: ToolAnswer }
  | { kind: 'missing'; id: string }
  | { kind: 'failed'; id: string; message: string };

type Sides = readonly [SideState, SideState];

const sideId = (s: SideState): string | null =>
  s.kind === 'none' ? null : s.kind === 'ready' ? s.answer.verdict.id : s.id;
const sideTitle = (s: SideState): string | null =>
  s.kind === 'ready' ? s.answer.verdict.title : s.kind === 'loading' ? (s.title ?? null) : null;
const answerOf = (s: SideState): ToolAnswer | null => (s.kind === 'ready' ? s.answer : null);

const initialSide = (id: string | null): SideState =>
  id ? { kind: 'loading', id } : { kind: 'none' };

const searchVerdicts: SearchFn = async (query, limit) => {
  const reply = await send({ type: 'searchVerdicts', query, limit });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data;
};

type Fetched =
  { kind: 'ready'; answer: ToolAnswer } | { kind: 'missing' } | { kind: 'failed'; message: string };

async function fetchVerdict(verdictId: string): Promise<Fetched> {
  if (!SlugSchema.safeParse(verdictId).success) return { kind: 'missing' };
  const reply = await send({ type: 'getVerdictAnswer', verdictId });
  if (!reply.ok) {
    return reply.error.code === 'bad-request'
      ? { kind: 'missing' }
      : { kind: 'failed', message: reply.error.message };
  }
  return reply.data ? { kind: 'ready', answer: reply.data } : { kind: 'missing' };
}

type DatasetState =
  { kind: 'loading' } | { kind: 'ready'; meta: MetaRow | null } | { kind: 'failed' };

interface Props {
  /** The pair to show first (verdict ids). */
  initial: Pair;
  /** Answers already at hand (the popup's lookup), so they are not asked for twice. */
  seed?: readonly ToolAnswer[];
  /** A line above the pickers, e.g. why nothing is picked yet. */
  notice?: string | null;
  variant: 'popup' | 'page';
  /** Told whenever the pair (or a side's title) changes. */
  onPairChange?: (pair: Pair, titles: { a: string | null; b: string | null }) => void;
  /** Where "Open as page" goes; no link without it. */
  pageHref?: (pair: Pair) => string;
  /** Which picker takes the focus when the view opens. */
  focus?: 'a' | 'b';
}

/** Two pickers, a swap button and the side-by-side table: the popup's and the compare page's view. */
export function ComparePanel({
  initial,
  seed,
  notice,
  variant,
  onPairChange,
  pageHref,
  focus,
}: Props) {
  const { settings } = useSettings();
  const [sides, setSides] = useState<Sides>(() => [initialSide(initial.a), initialSide(initial.b)]);
  const [dataset, setDataset] = useState<DatasetState>({ kind: 'loading' });
  const cache = useRef(new Map<string, ToolAnswer>((seed ?? []).map((a) => [a.verdict.id, a])));
  const inflight = useRef(new Set<string>());

  // Every side waiting for its answer gets one request; answers land wherever that id now is.
  useEffect(() => {
    for (const side of sides) {
      if (side.kind !== 'loading' || inflight.current.has(side.id)) continue;
      const id = side.id;
      const settle = (fetched: Fetched) => {
        if (fetched.kind === 'ready') cache.current.set(id, fetched.answer);
        setSides((prev) => {
          const next = prev.map((s): SideState => {
            if (s.kind !== 'loading' || s.id !== id) return s;
            return fetched.kind === 'ready'
              ? { kind: 'ready', answer: fetched.answer }
              : fetched.kind === 'missing'
                ? { kind: 'missing', id }
                : { kind: 'failed', id, message: fetched.message };
          });
          return [next[0]!, next[1]!];
        });
      };
      const known = cache.current.get(id);
      inflight.current.add(id);
      void (known ? Promise.resolve<Fetched>({ kind: 'ready', answer: known }) : fetchVerdict(id))
        .catch((error: unknown): Fetched => ({ kind: 'failed', message: String(error) }))
        .then((fetched) => {
          inflight.current.delete(id);
          settle(fetched);
        });
    }
  }, [sides]);

  // The dataset's state: asking for a search first makes sure the background has installed one.
  useEffect(() => {
    let live = true;
    void send({ type: 'searchVerdicts', query: '', limit: 1 })
      .then(() => send({ type: 'getStatus' }))
      .then(
        (reply) =>
          live &&
          setDataset(reply.ok ? { kind: 'ready', meta: reply.data.meta } : { kind: 'failed' }),
      );
    return () => {
      live = false;
    };
  }, []);

  const pair: Pair = { a: sideId(sides[0]), b: sideId(sides[1]) };
  const titleA = sideTitle(sides[0]);
  const titleB = sideTitle(sides[1]);
  useEffect(() => {
    onPairChange?.({ a: pair.a, b: pair.b }, { a: titleA, b: titleB });
  }, [onPairChange, pair.a, pair.b, titleA, titleB]);

  const pick = useCallback((index: 0 | 1, hit: VerdictSummary) => {
    setSides((prev) => {
      const next: [SideState, SideState] = [prev[0], prev[1]];
      next[index] = { kind: 'loading', id: hit.id, title: hit.title };
      return next;
    });
  }, []);
  const pickA = useCallback((hit: VerdictSummary) => pick(0, hit), [pick]);
  const pickB = useCallback((hit: VerdictSummary) => pick(1, hit), [pick]);
  const swap = () => setSides(([a, b]) => [b, a]);

  const a = answerOf(sides[0]);
  const b = answerOf(sides[1]);
  const summary = compareSummary(a?.verdict ?? null, b?.verdict ?? null);
  const meta = dataset.kind === 'ready' ? dataset.meta : null;
  const empty = dataset.kind === 'ready' && (meta === null || meta.counts.verdicts === 0);
  const stale = meta ? staleNotice(meta.generatedAt, new Date(), uiLocale()) : null;
  const problems = sides.flatMap((side, i) => {
    if (side.kind === 'missing')
      return [
        i18n.t(i === 0 ? 'compare.notFoundFirst' : 'compare.notFoundSecond', { id: side.id }),
      ];
    if (side.kind === 'failed')
      return [
        i18n.t(i === 0 ? 'compare.failedFirst' : 'compare.failedSecond', {
          message: side.message,
        }),
      ];
    return [];
  });
  const selected = (s: SideState) => {
    const id = sideId(s);
    const title = sideTitle(s);
    return id && title ? { id, title } : null;
  };

  return (
    <div className={`vl-compare vl-compare-${variant}`}>
      {empty ? (
        <div className="vl-notice" data-state="empty">
          <p>{i18n.t('compare.empty')}</p>
          <p>
            <Slotted
              text={i18n.t('compare.emptyHelp', { options: '{options}' })}
              slots={{
                options: (
                  <button
                    type="button"
                    className="vl-link"
                    onClick={() => void browser.runtime.openOptionsPage()}
                  >
                    {i18n.t('compare.optionsLink')}
                  </button>
                ),
              }}
            />
          </p>
        </div>
      ) : (
        notice && (
          <p className="vl-notice" data-state="notice">
            {notice}
          </p>
        )
      )}
      {stale && (
        <p className="vl-notice" data-state="stale">
          {stale}
        </p>
      )}

      <div className="vl-pickers">
        <ToolPicker
          label={i18n.t('compare.firstTool')}
          autoFocus={focus === 'a'}
          selected={selected(sides[0])}
          onPick={pickA}
          search={searchVerdicts}
          placeholder={i18n.t('compare.searchTools')}
        />
        <button
          type="button"
          className="vl-button vl-swap"
          aria-label={i18n.t('compare.swap')}
          title={i18n.t('compare.swap')}
          onClick={swap}
        >
          <span aria-hidden="true">⇄</span>
        </button>
        <ToolPicker
          label={i18n.t('compare.secondTool')}
          autoFocus={focus === 'b'}
          selected={selected(sides[1])}
          onPick={pickB}
          search={searchVerdicts}
          placeholder={i18n.t('compare.searchTools')}
        />
      </div>

      <div aria-live="polite">
        {problems.map((p) => (
          <p key={p} className="vl-error">
            {p}
          </p>
        ))}
        {summary && <p className="vl-summary">{summary}</p>}
      </div>

      {a || b ? (
        <CompareTable a={a} b={b} chosen={settings.reviewers} compact={variant === 'popup'} />
      ) : (
        !empty &&
        sides.every((s) => s.kind !== 'loading') && (
          <p className="vl-empty">{i18n.t('compare.pickTwo')}</p>
        )
      )}

      {pageHref && (
        <p className="vl-compare-foot">
          <a href={pageHref(pair)} target="_blank" rel="noreferrer">
            {i18n.t('compare.openAsPage')}
          </a>
          <a href={browser.runtime.getURL('/library.html')} target="_blank" rel="noreferrer">
            {i18n.t('compare.allVerdicts')}
          </a>
          <button
            type="button"
            className="vl-link"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            {i18n.t('common.options')}
          </button>
        </p>
      )}
    </div>
  );
}
