import { i18n } from '#i18n';
import { localisePage } from '../../lib/ui/locale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '../../components/options/OptionsPage';
import '../../components/shared/pages.css';

localisePage(i18n.t('options.title'));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsPage />
  </StrictMode>,
);
