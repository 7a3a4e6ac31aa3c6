import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { PERSONA_ORDER } from '../../lib/model/reviewers';
import { personas } from '../../lib/ui/personas';
import type { ReviewerId } from '../../lib/feed/schema';
import { useSavedSetting } from '../../lib/ui/use-saved-setting';

interface Props {
  stored: readonly ReviewerId[];
}

/** A checkbox per reviewer; saved at once. The last one chosen cannot be unchecked. */
export function ReviewerChoices({ stored }: Props) {
  const id = useId();
  const { value, save } = useSavedSetting('reviewers', [...stored]);
  const [message, setMessage] = useState('');
  const panel = personas();

  const toggle = (reviewer: ReviewerId, checked: boolean) => {
    const next = PERSONA_ORDER.filter((p) => (p === reviewer ? checked : value.includes(p)));
    if (next.length === 0) {
      const name = panel.find((p) => p.id === reviewer)?.name ?? reviewer;
      setMessage(i18n.t('reviewers.lastOne', { name }));
      return;
    }
    setMessage('');
    save(next).catch((error: unknown) =>
      setMessage(i18n.t('reviewers.saveFailed', { error: String(error) })),
    );
  };

  return (
    <section className="vl-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{i18n.t('reviewers.title')}</h2>
      <p className="vl-intro">{i18n.t('reviewers.intro')}</p>
      <fieldset className="vl-fieldset">
        <legend className="vl-sr-only">{i18n.t('reviewers.legend')}</legend>
        <ul className="vl-checks">
          {panel.map((p) => (
            <li key={p.id}>
              <div className="vl-check">
                <input
                  id={`${id}-${p.id}`}
                  type="checkbox"
                  checked={value.includes(p.id)}
                  aria-describedby={`${id}-${p.id}-focus`}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                <label className="vl-check-name" htmlFor={`${id}-${p.id}`}>
                  {p.name}
                </label>
                <span className="vl-check-focus" id={`${id}-${p.id}-focus`}>
                  {p.focus}
                </span>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="vl-message vl-error" aria-live="polite" data-testid="reviewers-message">
        {message}
      </p>
    </section>
  );
}
