import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  afterFirstGraph,
  followHashChanges,
  loadLessonCatalogue,
  openLocation,
  prestartEngine,
  startEngineSync,
  startPersistence,
  useStore,
} from '../store';
import { registerServiceWorker } from '../features/update/service-worker';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { preloadPanels } from './panels';
import { showTabIcon } from './tab-icon';
import './styles.css';
import './a11y.css';
import './presenter.css';

// The engine's worker starts first: its code loads and runs while the saved work is read (cold load).
prestartEngine();
// The panels' chunks load while the saved work is read and the engine builds (app/panels.tsx).
preloadPanels();
// `?present` opens the page in presenter mode (a link an instructor keeps for the projector).
if (new URLSearchParams(window.location.search).has('present')) useStore.getState().setPresenting(true);
// The work kept in this browser first (IndexedDB answers in milliseconds; it gives up after seconds and
// says so), so neither the engine nor the editor starts on a scene about to be replaced.
void startPersistence().finally(async () => {
  // A link's scene opens before the engine starts, so the engine builds it first; its lesson and hop
  // follow once the course is loaded (store/link-open.ts). Whatever goes wrong there is said in the page.
  const rest = await openLocation(window.location).catch(() => async () => {});
  startEngineSync();
  // The course (and with it the rest of the engine in the worker) loads once the first graph is drawn.
  void afterFirstGraph()
    .then(loadLessonCatalogue)
    .then(() => rest());
  followHashChanges();
  // Offline after the first visit (issue 14), once the first graph is drawn: registering starts the
  // service worker's download of the whole build (10 MB), which at the engine's answer competed with
  // drawing the graph (cold load, issue 17).
  void afterFirstGraph().then(registerServiceWorker);
  // The tab's icon too: fetched and decoded as the page loaded, it competed with the first graph.
  void afterFirstGraph().then(() => showTabIcon(document));
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    );
  }
});
