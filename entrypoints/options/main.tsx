import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '../../components/options/OptionsPage';
import '../../components/shared/pages.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsPage />
  </StrictMode>,
);
