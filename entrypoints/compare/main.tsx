import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComparePage } from '../../components/ComparePage';
import '../../components/pages.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ComparePage />
  </StrictMode>,
);
