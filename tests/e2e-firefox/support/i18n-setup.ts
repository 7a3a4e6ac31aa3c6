import { getMessage } from '../../unit/support/english-messages';

// The suite names what it expects with the extension's own label code (lib/model/badge-label),
// which reads browser.i18n: here, Node, the English catalogue answers as English Firefox does.
Object.assign(globalThis, { chrome: { i18n: { getMessage, getUILanguage: () => 'en' } } });
