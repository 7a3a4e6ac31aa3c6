import { localisePage } from '../../lib/ui/locale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupPage } from '../../components/popup/PopupPage';
import '../../components/shared/pages.css';

// The popup has no tab, so no title to set.
localisePage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupPage />
  </StrictMode>,
);
