import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LibraryPage } from '../../components/library/LibraryPage';
import '../../components/shared/pages.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LibraryPage />
  </StrictMode>,
);
