import { bandOf } from '../model/band';
import { badgeAccessibleName, shipWord } from '../model/badge-label';
import { percent } from '../model/format';
import type { Theme } from './theme';
import type { BadgeSummary } from '../model/answers';

/**
 * The badge drawn with plain DOM by the always-on script, the same markup React's Badge renders
 * (a unit test holds them together), so it shows the moment the lookup answers; React arrives
 * only when the popover is opened, and takes over without a visible change.
 */
export interface DomBadge {
  root: HTMLDivElement;
  button: HTMLButtonElement;
  update(badge: BadgeSummary, theme: Theme): void;
}

export function drawBadge(doc: Document): DomBadge {
  const root = doc.createElement('div');
  root.className = 'vl-root';
  const button = doc.createElement('button');
  button.type = 'button';
  const dot = doc.createElement('span');
  dot.className = 'vl-dot';
  dot.setAttribute('aria-hidden', 'true');
  const name = doc.createElement('span');
  name.className = 'vl-badge-name';
  const score = doc.createElement('span');
  score.className = 'vl-badge-score';
  const word = doc.createElement('span');
  word.className = 'vl-badge-word';
  word.textContent = shipWord();
  button.append(dot, name, score, word);
  root.append(button);
  return {
    root,
    button,
    update({ toolName, panelShip }, theme) {
      const band = bandOf(panelShip);
      root.dataset.theme = theme;
      button.className = `vl-badge vl-band-${band}`;
      button.setAttribute('aria-label', badgeAccessibleName(toolName, panelShip));
      button.setAttribute('aria-haspopup', 'dialog');
      button.setAttribute('aria-expanded', 'false');
      name.textContent = toolName;
      score.textContent = percent(panelShip);
    },
  };
}
