import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupPage } from '../../components/PopupPage';
import '../../components/pages.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupPage />
  </StrictMode>,
);
