import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupPage } from '../../components/popup/PopupPage';
import '../../components/shared/pages.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupPage />
  </StrictMode>,
);
