/**
 * The panel beside the graph: the lessons and the inspector as two tabs (ARIA tabs: ←/→, Home and End
 * move between them). Both stay mounted, so switching keeps each one's state. Which tab shows is in the
 * store: opening a lesson shows the lesson, a presenter or a link can choose too.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n';
import { useStore, type SidePanel as Tab } from '../store';

const TABS: readonly Tab[] = ['lesson', 'inspector'];

export function SidePanel({ lesson, inspector }: { lesson: ReactNode; inspector: ReactNode }) {
  const t = useT();
  const tab = useStore((s) => s.sidePanel);
  const setTab = useStore((s) => s.setSidePanel);
  const buttons = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const label: Record<Tab, string> = { lesson: t('side.lessons'), inspector: t('inspector.title') };

  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const to =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS.at(-1)
              : undefined;
    if (!to) return;
    e.preventDefault();
    setTab(to);
    buttons.current[to]?.focus();
  };

  return (
    <section className="panel side-panel" aria-label={label[tab]}>
      <div className="side-tabs" role="tablist" aria-label={t('side.tabs')} onKeyDown={onKey}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              buttons.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`side-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`side-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            data-testid={`side-tab-${id}`}
          >
            {label[id]}
          </button>
        ))}
      </div>
      {TABS.map((id) => (
        <div
          key={id}
          role="tabpanel"
          id={`side-panel-${id}`}
          aria-labelledby={`side-tab-${id}`}
          className={`side-body side-${id}`}
          hidden={tab !== id}
        >
          {id === 'lesson' ? lesson : inspector}
        </div>
      ))}
    </section>
  );
}
