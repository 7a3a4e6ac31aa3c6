import { i18n } from '#i18n';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useFollowedReviewers } from '../../lib/ui/use-followed-reviewers';
import { loadAnswer } from '../../lib/content/load-answer';
import { placePopover } from '../../lib/ui/popover-position';
import type { Theme } from '../../lib/content/theme';
import type { PopoverActions } from '../../lib/content/ui-bridge';
import { Badge } from './Badge';
import { VerdictPopover } from './VerdictPopover';
import type { ToolAnswer, BadgeSummary } from '../../lib/model/answers';
import type { ReviewerId } from '../../lib/feed/ids';

interface Props {
  /** From the lookup; the whole answer is asked for here, when the popover is first opened. */
  badge: BadgeSummary;
  theme: Theme;
  host: HTMLElement;
  actions: PopoverActions;
  initialOpen?: boolean;
  /** The answer, when it was read while the UI loaded (the first opening). */
  initialAnswer?: ToolAnswer | null;
  /** The reviewers the user follows, read with the first opening, so its first render has them. */
  initialReviewers?: readonly ReviewerId[] | null;
}

type Loaded = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; answer: ToolAnswer };

/** Fixed beside the badge, flipped to stay inside the viewport; null once the badge has left it. */
function popoverStyle(badge: HTMLElement, pop: HTMLElement | null): React.CSSProperties | null {
  const r = badge.getBoundingClientRect();
  const view = { width: window.innerWidth, height: window.innerHeight };
  const placed = placePopover(r, pop?.scrollHeight ?? 0, view);
  if (placed.kind === 'gone') return null;
  const { left, top, bottom, maxHeight } = placed;
  return top === undefined ? { left, bottom, maxHeight } : { left, top, maxHeight };
}

const sameStyle = (a: React.CSSProperties, b: React.CSSProperties) =>
  JSON.stringify(a) === JSON.stringify(b);

const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]), select, textarea, [tabindex="0"]';

export function PopoverApp({
  badge,
  theme,
  host,
  actions,
  initialOpen = false,
  initialAnswer = null,
  initialReviewers = null,
}: Props) {
  // Opening again after a failed load tries again.
  const [attempt, setAttempt] = useState(0);
  // Each load is for one verdict and attempt; until its own result arrives, it is loading.
  const want = `${badge.toolId}/${badge.verdictId}/${attempt}`;
  const [result, setResult] = useState<{ for: string; loaded: Loaded } | null>(() =>
    initialAnswer ? { for: want, loaded: { kind: 'ready', answer: initialAnswer } } : null,
  );
  const haveResult = result?.for === want;
  const loaded: Loaded = haveResult ? result.loaded : { kind: 'loading' };
  // Another verdict of the same tool the user picked in the popover; a new tool resets it.
  const [picked, setPicked] = useState<ToolAnswer | null>(null);
  const latest = loaded.kind === 'ready' ? loaded.answer : null;
  const answer = picked?.tool.id === badge.toolId ? picked : latest;
  const ready = answer !== null;
  const [open, setOpen] = useState(initialOpen);
  const [style, setStyle] = useState<React.CSSProperties>({});
  const chosen = useFollowedReviewers(actions, initialReviewers);
  const badgeRef = useRef<HTMLButtonElement>(null);
  const popRef = useRef<HTMLDivElement>(null);

  const { loadToolAnswer } = actions;
  const { toolId, verdictId } = badge;
  useEffect(() => {
    // Given with the first opening, or loaded already.
    if (haveResult) return;
    let live = true;
    const done = (loaded: Loaded) => live && setResult({ for: want, loaded });
    void loadAnswer(loadToolAnswer, { toolId, verdictId }).then(
      (found) => done(found ? { kind: 'ready', answer: found } : { kind: 'failed' }),
      () => done({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [loadToolAnswer, toolId, verdictId, want, haveResult]);

  // Where focus goes back on closing: what had it when the popover opened (a list chip that
  // opened it, say), else the badge.
  const opener = useRef<HTMLElement | null>(null);
  // Closed at once, not at React's next commit: until then the document-level listeners below
  // are still in place, and a key meant for what replaced the popover (the Undo notice after
  // "Hide on this site") must not be taken by them.
  const isOpen = useRef(false);
  const close = useCallback((refocus: boolean) => {
    isOpen.current = false;
    setOpen(false);
    if (!refocus) return;
    const back = opener.current?.isConnected ? opener.current : badgeRef.current;
    back?.focus();
  }, []);

  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current =
      active instanceof HTMLElement && active !== host && active !== document.body ? active : null;
  }, [open, host]);

  useLayoutEffect(() => {
    if (!open || !badgeRef.current) return;
    const update = () => {
      if (!badgeRef.current) return;
      const next = popoverStyle(badgeRef.current, popRef.current);
      // Nothing left to be attached to: the badge scrolled out of the viewport.
      if (!next) return close(false);
      setStyle((prev) => (sameStyle(prev, next) ? prev : next));
    };
    update();
    popRef.current?.focus();
    // A quote unfolded or another verdict picked: the popover's height changed.
    const resized = new ResizeObserver(update);
    if (popRef.current) resized.observe(popRef.current);
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      resized.disconnect();
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [open, ready, close]);

  useEffect(() => {
    if (!open) return;
    isOpen.current = true;
    // Clicks inside the shadow root reach the page with the host in their path.
    const onDown = (e: PointerEvent) => {
      if (isOpen.current && !e.composedPath().includes(host)) close(false);
    };
    // Escape closes wherever the focus is, and before the page's own shortcuts see it (capture
    // on the document runs before the shadow root's listeners).
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !isOpen.current) return;
      e.stopPropagation();
      close(true);
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('keydown', onEscape, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('keydown', onEscape, true);
    };
  }, [open, host, close]);

  // Tab and Shift+Tab cycle through the dialog's controls while it is open.
  const onKeyDown = (e: React.KeyboardEvent) => {
    const pop = popRef.current;
    if (e.key !== 'Tab' || !open || !pop) return;
    const controls = [...pop.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = controls[0] ?? pop;
    const last = controls.at(-1) ?? pop;
    const active = (pop.getRootNode() as ShadowRoot | Document).activeElement;
    const inside = active instanceof Node && pop.contains(active);
    if (e.shiftKey && (!inside || active === first || active === pop)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (!inside || active === last)) {
      e.preventDefault();
      first.focus();
    }
  };

  const showVerdict = async (verdictId: string) => {
    const next = await loadToolAnswer(badge.toolId, verdictId);
    if (next) setPicked(next);
  };

  return (
    <div className="vl-root" data-theme={theme} onKeyDown={onKeyDown}>
      <Badge
        ref={badgeRef}
        toolName={answer?.tool.name ?? badge.toolName}
        panelShip={answer?.verdict.panelShip ?? badge.panelShip}
        expanded={open}
        onToggle={() => {
          if (!open && loaded.kind === 'failed') setAttempt((n) => n + 1);
          setOpen(!open);
        }}
      />
      {open && answer && (
        <VerdictPopover
          ref={popRef}
          answer={answer}
          chosen={chosen}
          style={style}
          onClose={() => close(true)}
          onPickVerdict={(id) => void showVerdict(id)}
          onCompare={(partner) => actions.compare(answer.verdict.id, partner)}
          onHideSite={async () => {
            const problem = await actions.hideSite();
            // Hidden: the popover closes at once, before its badge goes, so the keys meant for
            // the Undo notice (Escape) reach it, not this popover's own listeners.
            if (problem === null) close(false);
            return problem;
          }}
        />
      )}
      {open && !answer && (
        <div
          ref={popRef}
          className="vl-popover vl-pop-pending"
          role="dialog"
          aria-label={i18n.t('popover.dialog')}
          tabIndex={-1}
          style={style}
        >
          <p role={loaded.kind === 'failed' ? 'alert' : 'status'}>
            {loaded.kind === 'failed' ? i18n.t('popover.failed') : i18n.t('popover.loading')}
          </p>
        </div>
      )}
    </div>
  );
}
