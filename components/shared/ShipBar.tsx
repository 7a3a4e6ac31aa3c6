import { i18n } from '#i18n';
import { bandOf } from '../../lib/model/band';
import { percent } from '../../lib/model/format';

/** The panel's ship share as a number, its band word and a bar (the bar is decoration). */
export function ShipBar({ panelShip }: { panelShip: number }) {
  const band = bandOf(panelShip);
  const width = `${Math.max(0, Math.min(100, panelShip))}%`;
  return (
    <div className={`vl-ship vl-band-${band}`}>
      <span>
        <span className="vl-ship-value">{percent(panelShip)}</span>
        <span className="vl-band-word">{i18n.t(`band.${band}`)}</span>
      </span>
      <div className="vl-bar" aria-hidden="true">
        <div className="vl-bar-fill" style={{ width }} />
      </div>
    </div>
  );
}
