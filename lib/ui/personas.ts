import { i18n } from '#i18n';
import type { Reviewer, ReviewerId } from '../feed/schema';
import { PERSONA_ORDER } from '../model/reviewers';

/**
 * The review site's panel as the extension describes it (the options' reviewer choices, "About
 * the data"), in the UI's language. Quotes stay attributed as the dataset names its reviewers:
 * that is feed data, like the quotes themselves.
 */
const WORDS: Record<ReviewerId, () => [name: string, focus: string]> = {
  builder: () => [i18n.t('persona.builder.name'), i18n.t('persona.builder.focus')],
  skeptic: () => [i18n.t('persona.skeptic.name'), i18n.t('persona.skeptic.focus')],
  futurist: () => [i18n.t('persona.futurist.name'), i18n.t('persona.futurist.focus')],
  product: () => [i18n.t('persona.product.name'), i18n.t('persona.product.focus')],
  creator: () => [i18n.t('persona.creator.name'), i18n.t('persona.creator.focus')],
  business: () => [i18n.t('persona.business.name'), i18n.t('persona.business.focus')],
};

/** The panel, in its order. */
export function personas(): Reviewer[] {
  return PERSONA_ORDER.map((id) => {
    const [name, focus] = WORDS[id]();
    return { id, name, focus };
  });
}
