import { i18n } from '#i18n';
import { localisePage } from '../../lib/ui/locale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LibraryPage } from '../../components/library/LibraryPage';
import '../../components/shared/pages.css';

localisePage(i18n.t('library.pageTitle'));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LibraryPage />
  </StrictMode>,
);
