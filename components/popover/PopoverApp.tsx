import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useFollowedReviewers } from '../../lib/ui/use-followed-reviewers';
import { loadAnswer } from '../../lib/content/load-answer';
import type { Theme } from '../../lib/content/theme';
import type { PopoverActions } from '../../lib/content/ui-bridge';
import { Badge } from './Badge';
import { VerdictPopover } from './VerdictPopover';
import type { ToolAnswer, BadgeSummary } from '../../lib/model/answers';

interface Props {
  /** From the lookup; the whole answer is asked for here, when the popover is first opened. */
  badge: BadgeSummary;
  theme: Theme;
  host: HTMLElement;
  actions: PopoverActions;
  initialOpen?: boolean;
  /** The answer, when it was read while the UI loaded (the first opening). */
  initialAnswer?: ToolAnswer | null;
}

type Loaded = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; answer: ToolAnswer };

const WIDTH = 380;
const GAP = 8;

/** Fixed position below the badge (above it near the bottom), kept inside the viewport. */
function popoverPosition(badge: HTMLElement): React.CSSProperties {
  const r = badge.getBoundingClientRect();
  const left = Math.max(GAP, Math.min(r.left, window.innerWidth - WIDTH - GAP));
  const below = window.innerHeight - r.bottom;
  return below > 320 || below > r.top
    ? { left, top: r.bottom + GAP, maxHeight: Math.max(160, below - 2 * GAP) }
    : { left, bottom: window.innerHeight - r.top + GAP, maxHeight: Math.max(160, r.top - 2 * GAP) };
}

export function PopoverApp({
  badge,
  theme,
  host,
  actions,
  initialOpen = false,
  initialAnswer = null,
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
  const chosen = useFollowedReviewers(actions);
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

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) badgeRef.current?.focus();
  }, []);

  useLayoutEffect(() => {
    if (!open || !badgeRef.current) return;
    const update = () => badgeRef.current && setStyle(popoverPosition(badgeRef.current));
    update();
    popRef.current?.focus();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [open, ready]);

  useEffect(() => {
    if (!open) return;
    // Clicks inside the shadow root reach the page with the host in their path.
    const onDown = (e: PointerEvent) => {
      if (!e.composedPath().includes(host)) close(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open, host, close]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close(true);
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
          onHideSite={actions.hideSite}
        />
      )}
      {open && !answer && (
        <div
          ref={popRef}
          className="vl-popover vl-pop-pending"
          role="dialog"
          aria-label="Panel verdict"
          tabIndex={-1}
          style={style}
        >
          <p role={loaded.kind === 'failed' ? 'alert' : 'status'}>
            {loaded.kind === 'failed'
              ? 'This verdict could not be loaded. Close and open the badge to try again.'
              : 'Loading the verdict…'}
          </p>
        </div>
      )}
    </div>
  );
}
