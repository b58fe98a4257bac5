/** Lays out the page; nothing else (architecture principle 9). */
import { useEffect } from 'react';
import { ConsolePanel } from '../features/console/ConsolePanel';
import { EditorPanel } from '../features/editor/EditorPanel';
import { Inspector } from '../features/inspector/Inspector';
import { PacketOverlay } from '../features/playback/PacketOverlay';
import { PlaybackControls } from '../features/playback/PlaybackControls';
import { RequestBar } from '../features/playback/RequestBar';
import { TopologyPanel } from '../features/topology/TopologyPanel';
import { selectLocale, useStore } from '../store';
import { Header } from './Header';

export function App() {
  const locale = useStore(selectLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <div className="column left">
          <EditorPanel />
          <ConsolePanel />
        </div>
        <div className="column right">
          <RequestBar />
          <TopologyPanel overlay={<PacketOverlay />} />
          <section className="panel bottom-panel">
            <PlaybackControls />
            <Inspector />
          </section>
        </div>
      </main>
    </div>
  );
}
