/**
 * Packet Tracer's event list: every hop of every request, appearing as the playhead reaches it, newest
 * at the bottom (followed unless the user scrolled up). Filters hide DNS, keep only NAT or only drops, or
 * only the followed request; a row is a button that follows that request and moves the playhead to that
 * hop. Only the rows in view are rendered, so a burst of 500 requests (9,000 hops) costs what 20 do.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatDuration, type Hop } from '../../engine';
import { useT, type T } from '../../i18n';
import { useRender } from '../../i18n/message';
import {
  eventsOf,
  filterEvents,
  happened,
  sceneEventsAt,
  selectHopIndex,
  selectReadout,
  useShallow,
  useStore,
  type TraceEvent,
} from '../../store';
import { hopLabel } from './hop-label';
import { RequestPicker } from './RequestPicker';
import { useColumnFit } from './use-column-fit';

/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN = 6;

/**
 * Where a hop happens: a pod by its name, a node-level stage with its node, the LB by Service. Whole:
 * the row fits it to its column (use-column-fit.ts), keeping the end that tells rows apart.
 */
function place(hop: Hop, t: T): string {
  const [kind, ...rest] = hop.location.split('/');
  // A pod by its own name (the namespace is in the row's title).
  const name = rest.at(-1) ?? '';
  if (kind === 'external') return t('graph.external');
  if (kind === 'pod') return name;
  if (kind === 'lb') return `${t('stageShort.cloud-lb')} ${name}`;
  return hop.stage === 'node' ? name : `${t(`stageShort.${hop.stage}`)} ${name}`;
}

/** The row height in pixels, read from the CSS (it grows with the presenter's text size). */
function useRowHeight(probe: React.RefObject<HTMLElement | null>): number {
  const [h, setH] = useState(28);
  useEffect(() => {
    const el = probe.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setH(Math.max(16, el.offsetHeight)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [probe]);
  return h;
}

/**
 * What happened in the cluster by the instant the page shows (the timeline's faults, a deletion run from
 * the console, the controllers' reactions), before the requests' hops: newest last, scrolled to it.
 */
function SceneEvents() {
  const t = useT();
  const render = useRender();
  const events = useStore((s) => s.timelineEvents);
  const at = useStore((s) => s.sceneAt);
  const shown = useMemo(() => sceneEventsAt(events, at), [events, at]);
  const box = useRef<HTMLOListElement>(null);
  // The newest event's first line in view (an event is a sentence or three: its start says what).
  useEffect(() => {
    const last = box.current?.lastElementChild as HTMLElement | null | undefined;
    if (box.current && last) box.current.scrollTop = last.offsetTop;
  }, [shown]);
  if (shown.length === 0) return null;
  const title = t('events.scene', { at: formatDuration(at) });
  return (
    <section className="events-scene" aria-label={title} data-testid="scene-events">
      <h3 className="events-scene-title">{title}</h3>
      <ol ref={box} tabIndex={0}>
        {shown.map((e, i) => (
          <li
            key={i}
            className={`scene-row${e.fault ? ' fault' : ''}`}
            data-testid="scene-event-row"
            data-msg-id={e.msg.id}
          >
            <span className="scene-time">{formatDuration(e.at)}</span>
            <span className="scene-text">{render(e.msg)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function select(e: TraceEvent) {
  const s = useStore.getState();
  s.setPlaying(false);
  s.setFocus(e.k);
  s.setPlayhead(e.time);
}

export function EventList() {
  const t = useT();
  const traces = useStore((s) => s.traces);
  const { filter, focus } = useStore(useShallow((s) => ({ filter: s.eventFilter, focus: s.focus })));
  const setFilter = useStore((s) => s.setEventFilter);
  const hopIndex = useStore(selectHopIndex);
  const all = useMemo(() => eventsOf(traces), [traces]);
  const shown = useMemo(() => filterEvents(all, traces, filter, focus), [all, traces, filter, focus]);
  const n = useStore((s) => happened(shown, selectReadout(s)));

  const box = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLDivElement>(null);
  const rowH = useRowHeight(probe);
  // Every label a row of this list can show in its "what happened" column (its title may wrap).
  const labels = useMemo(
    () => [...new Set(all.map((e) => t(`short.${hopLabel(traces[e.k]!.hops[e.i]!).key}` as never)))],
    [all, traces, t],
  );
  const columns = useColumnFit(probe, labels, t('events.col.what'));
  const [view, setView] = useState({ top: 0, height: 320 });
  const follow = useRef(true);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView((v) => ({ ...v, height: el.clientHeight })));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // New events scroll into view while the user follows the bottom of the list.
  useEffect(() => {
    const el = box.current;
    if (el && follow.current) el.scrollTop = Math.max(0, n * rowH - el.clientHeight);
  }, [n, rowH]);

  const first = Math.max(0, Math.floor(view.top / rowH) - OVERSCAN);
  const last = Math.min(n, Math.ceil((view.top + view.height) / rowH) + OVERSCAN);
  const rows = shown.slice(first, last);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const at = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1);
    const next = Math.max(0, Math.min(n - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
    const ev = shown[next];
    if (!ev || at < 0) return;
    e.preventDefault();
    e.stopPropagation();
    follow.current = false;
    select(ev);
    const el = box.current!;
    if (next * rowH < el.scrollTop) el.scrollTop = next * rowH;
    else if ((next + 1) * rowH > el.scrollTop + el.clientHeight)
      el.scrollTop = (next + 1) * rowH - el.clientHeight;
    requestAnimationFrame(() => el.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  return (
    <div
      className={`events${traces.length > 1 ? '' : ' single'}`}
      data-testid="event-list"
      style={columns.what ? ({ '--ev-what': `${columns.what}px` } as React.CSSProperties) : undefined}
    >
      <div className="events-filters" role="group" aria-label={t('events.title')}>
        <RequestPicker />
        <label>
          <input
            type="checkbox"
            checked={filter.hideDns}
            onChange={(e) => setFilter({ hideDns: e.target.checked })}
            data-testid="events-hide-dns"
          />
          {t('events.hideDns')}
        </label>
        <label>
          {t('events.show')}{' '}
          <select
            value={filter.only}
            onChange={(e) => setFilter({ only: e.target.value as typeof filter.only })}
            data-testid="events-only"
          >
            <option value="all">{t('events.only.all')}</option>
            <option value="nat">{t('events.only.nat')}</option>
            <option value="drops">{t('events.only.drops')}</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.focusOnly}
            onChange={(e) => setFilter({ focusOnly: e.target.checked })}
          />
          {t('events.focusOnly')}
        </label>
      </div>
      <SceneEvents />
      <div className="event-row event-head" aria-hidden>
        <span className="ev-time">{t('events.col.time')}</span>
        <span className="ev-req">{t('events.col.request')}</span>
        <span className="ev-phase" />
        <span>{t('events.col.at')}</span>
        <span>{t('events.col.what')}</span>
        <span className="ev-packet">{t('events.col.packet')}</span>
      </div>
      <div
        className="events-scroll"
        ref={box}
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - rowH;
          setView({ top: el.scrollTop, height: el.clientHeight });
        }}
        onKeyDown={onKey}
      >
        {/* Measures a row: its height, and the place column's width and font. */}
        <div className="event-row event-probe" ref={probe} aria-hidden>
          <span className="ev-time">0</span>
          <span className="ev-req">0</span>
          <span className="ev-phase" />
          <span className="ev-at">0</span>
          <span className="ev-what">0</span>
          <span className="ev-packet">0</span>
        </div>
        {n === 0 ? (
          <p className="muted events-empty">{traces.length ? t('events.none') : t('events.empty')}</p>
        ) : (
          <ol className="events-rows" style={{ height: n * rowH }}>
            {rows.map((e, j) => {
              const hop = traces[e.k]!.hops[e.i]!;
              const label = hopLabel(hop);
              const what = t(`short.${label.key}` as never);
              const at = columns.fit(place(hop, t));
              const index = first + j;
              const current = e.k === focus && e.i === hopIndex;
              return (
                <li key={`${e.k}:${e.i}`} style={{ top: index * rowH }}>
                  <button
                    type="button"
                    className={`event-row${current ? ' current' : ''}${hop.phase === 'dns' ? ' dns' : ''} ev-${label.kind.replace('+', '-')}`}
                    data-index={index}
                    data-testid="event-row"
                    aria-current={current ? 'step' : undefined}
                    title={`${e.time.toFixed(2)} · ${hop.location} · ${hop.packet.src} → ${hop.packet.dst}`}
                    onClick={() => select(e)}
                  >
                    {/* The name is what the row shows, after what a listener needs first (WCAG 2.5.3). */}
                    <span className="sr-only">{t('events.row', { k: e.k + 1, i: e.i + 1 })} </span>
                    <span className="ev-time">{e.time.toFixed(2)}</span>
                    <span className="ev-req">{e.k + 1}</span>
                    <span className="ev-phase">{hop.phase === 'dns' ? 'DNS' : ''}</span>
                    <span className="ev-at">{at}</span>
                    <span className="ev-what">{what}</span>
                    <span className="ev-packet">
                      {hop.packet.src} → {hop.packet.dst}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </div>
  );
}
