import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLessonCatalogue, startEngineSync } from '../store';
import { App } from './App';
import './styles.css';
import './a11y.css';

startEngineSync();
void loadLessonCatalogue();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
