/** Lays out the page; nothing else (architecture principle 9). */
import { useEffect, type CSSProperties } from 'react';
import { EditorPanel } from '../features/editor/EditorPanel';
import { PlaybackControls } from '../features/playback/PlaybackControls';
import { RequestBar } from '../features/playback/RequestBar';
import { FaultMenu, openFaultMenu } from '../features/timeline/FaultMenu';
import { EngineNotice } from '../features/recovery/EngineNotice';
import { LinkNotice } from '../features/share/LinkNotice';
import { SaveNotice } from '../features/workspaces/SaveNotice';
import { UpdateNotice } from '../features/update/UpdateNotice';
import { useT } from '../i18n';
import { selectLocale, useStore } from '../store';
import { Header } from './Header';
import { ConsolePanel, InspectorPanel, LessonsPane, TimelineBar, TopologyPanel } from './panels';
import { SidePanel } from './SidePanel';

export function App() {
  const t = useT();
  const locale = useStore(selectLocale);
  const presenting = useStore((s) => s.presenting);
  const textScale = useStore((s) => s.textScale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <div
      className={`app${presenting ? ' presenting' : ''}`}
      style={{ '--text-scale': textScale } as CSSProperties}
    >
      <nav className="skip-links" aria-label={t('app.skip')}>
        <a href="#request">{t('app.skip.request')}</a>
        <a href="#playback">{t('app.skip.playback')}</a>
      </nav>
      <Header />
      <UpdateNotice />
      <SaveNotice />
      <LinkNotice />
      <EngineNotice />
      <main className="workspace">
        {/* Hidden, not unmounted, while presenting: the editor and the console keep their state. */}
        <div className="column left" hidden={presenting}>
          <EditorPanel />
          <ConsolePanel />
        </div>
        <div className="column right">
          <RequestBar />
          <TimelineBar />
          <div className="stage">
            <TopologyPanel onElementMenu={openFaultMenu} />
            <SidePanel
              lesson={<LessonsPane />}
              inspector={
                <>
                  <PlaybackControls />
                  <InspectorPanel />
                </>
              }
            />
          </div>
        </div>
      </main>
      <FaultMenu />
    </div>
  );
}
