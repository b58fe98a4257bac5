import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadLessonCatalogue, startEngineSync, useStore } from '../store';
import { App } from './App';
import './styles.css';
import './a11y.css';
import './presenter.css';

// `?present` opens the page in presenter mode (a link an instructor keeps for the projector).
if (new URLSearchParams(window.location.search).has('present')) useStore.getState().setPresenting(true);
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
