import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComparePage } from '../../components/compare/ComparePage';
import '../../components/shared/pages.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ComparePage />
  </StrictMode>,
);
