/**
 * The inspector's two views as tabs (the ARIA tabs pattern: ←/→ move between tabs, the panel follows):
 * the followed request's current hop, and the event list of every hop of every request.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { eventsOf, happened, sceneEventsAt, selectReadout, useStore } from '../../store';
import { EventList } from './EventList';
import { Inspector } from './Inspector';
import { ObjectView } from './ObjectView';
import './inspector-panel.css';

const TABS = ['hop', 'events'] as const;
type Tab = (typeof TABS)[number];

/**
 * The events tab's label with how many events it lists: the cluster's by the instant shown, and the
 * hops of all requests that have happened (re-renders alone).
 */
function EventsTabLabel() {
  const t = useT();
  const traces = useStore((s) => s.traces);
  const all = useMemo(() => eventsOf(traces), [traces]);
  const scene = useStore((s) => sceneEventsAt(s.timelineEvents, s.sceneAt).length);
  const count = useStore((s) => happened(all, selectReadout(s))) + scene;
  return <>{t('inspector.tab.events', { count })}</>;
}

export function InspectorPanel() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('hop');
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ hop: null, events: null });
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]!;
    setTab(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="inspector-tabs">
      <ObjectView />
      <div role="tablist" aria-label={t('inspector.tabs')} className="tabs" onKeyDown={onKey}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              refs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            data-testid={`tab-${id}`}
          >
            {id === 'hop' ? t('inspector.tab.hop') : <EventsTabLabel />}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        {tab === 'hop' ? <Inspector /> : <EventList />}
      </div>
    </div>
  );
}
