import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WelcomePage } from '../../components/welcome/WelcomePage';
import '../../components/shared/pages.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WelcomePage />
  </StrictMode>,
);
