import { localisePage } from '../../lib/ui/locale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComparePage } from '../../components/compare/ComparePage';
import '../../components/shared/pages.css';

// The title names the tools compared: ComparePage sets it.
localisePage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ComparePage />
  </StrictMode>,
);
