import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ToolAnswer } from '../lib/lookup';
import { useSettings } from '../lib/use-settings';
import type { Theme } from '../lib/content/theme';
import { Badge } from './Badge';
import { VerdictPopover } from './VerdictPopover';

export interface LensActions {
  pickVerdict: (toolId: string, verdictId: string) => Promise<ToolAnswer | null>;
  compare: (verdictId: string, partnerVerdictId: string) => void;
  hideSite: () => void;
}

interface Props {
  answer: ToolAnswer;
  theme: Theme;
  host: HTMLElement;
  actions: LensActions;
}

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

export function LensApp({ answer: latest, theme, host, actions }: Props) {
  // Another verdict of the same tool the user picked in the popover; a new tool resets it.
  const [picked, setPicked] = useState<ToolAnswer | null>(null);
  const answer = picked?.tool.id === latest.tool.id ? picked : latest;
  const [open, setOpen] = useState(false);
  const [style, setStyle] = useState<React.CSSProperties>({});
  const { settings } = useSettings();
  const badgeRef = useRef<HTMLButtonElement>(null);
  const popRef = useRef<HTMLDivElement>(null);

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
  }, [open]);

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

  const pickVerdict = async (verdictId: string) => {
    const next = await actions.pickVerdict(answer.tool.id, verdictId);
    if (next) setPicked(next);
  };

  return (
    <div className="vl-root" data-theme={theme} onKeyDown={onKeyDown}>
      <Badge
        ref={badgeRef}
        toolName={answer.tool.name}
        panelShip={answer.verdict.panelShip}
        expanded={open}
        onToggle={() => setOpen(!open)}
      />
      {open && (
        <VerdictPopover
          ref={popRef}
          answer={answer}
          chosen={settings.reviewers}
          style={style}
          onClose={() => close(true)}
          onPickVerdict={(id) => void pickVerdict(id)}
          onCompare={(partner) => actions.compare(answer.verdict.id, partner)}
          onHideSite={actions.hideSite}
        />
      )}
    </div>
  );
}
