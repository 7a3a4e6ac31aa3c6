import { i18n } from '#i18n';
import { localisePage } from '../../lib/ui/locale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WelcomePage } from '../../components/welcome/WelcomePage';
import '../../components/shared/pages.css';

localisePage(i18n.t('welcome.pageTitle'));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WelcomePage />
  </StrictMode>,
);
