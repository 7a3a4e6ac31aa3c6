import { i18n } from '#i18n';
import { forwardRef } from 'react';
import { bandOf } from '../../lib/model/band';
import { badgeAccessibleName } from '../../lib/model/badge-label';
import { percent } from '../../lib/model/format';

interface Props {
  toolName: string;
  panelShip: number;
  expanded: boolean;
  onToggle: () => void;
}

export const Badge = forwardRef<HTMLButtonElement, Props>(function Badge(
  { toolName, panelShip, expanded, onToggle },
  ref,
) {
  const band = bandOf(panelShip);
  return (
    <button
      ref={ref}
      type="button"
      className={`vl-badge vl-band-${band}`}
      aria-label={badgeAccessibleName(toolName, panelShip)}
      aria-haspopup="dialog"
      aria-expanded={expanded}
      onClick={onToggle}
    >
      <span className="vl-dot" aria-hidden="true" />
      <span className="vl-badge-name">{toolName}</span>
      <span className="vl-badge-score">{percent(panelShip)}</span>
      <span className="vl-badge-word">{i18n.t('badge.ship')}</span>
    </button>
  );
});
