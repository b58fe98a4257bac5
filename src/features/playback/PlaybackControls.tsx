/** Play, pause, step and speed, with the keyboard: space toggles, ← and → step between hops. */
import { useEffect } from 'react';
import { useT } from '../../i18n';
import { duration, selectHopIndex, SPEEDS, stepTime, useStore } from '../../store';
import { useClock } from './use-clock';

const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.closest('input, textarea, select, .monaco-editor, [contenteditable]') ?? null) !== null;

function step(dir: 1 | -1) {
  const s = useStore.getState();
  s.setPlaying(false);
  s.setPlayhead(stepTime(s.traces[0], s.playhead, dir));
}

function toggle() {
  const s = useStore.getState();
  if (!s.traces.length) return;
  if (!s.playing && s.playhead >= duration(s.traces)) s.setPlayhead(0);
  s.setPlaying(!s.playing);
}

export function PlaybackControls() {
  const t = useT();
  useClock();
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  const setSpeed = useStore((s) => s.setSpeed);
  const hop = useStore(selectHopIndex);
  const total = useStore((s) => s.traces[0]?.hops.length ?? 0);
  const count = useStore((s) => s.traces.length);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === ' ') toggle();
      else if (e.key === 'ArrowRight') step(1);
      else if (e.key === 'ArrowLeft') step(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const disabled = total === 0;
  return (
    <div className="playback" role="group" aria-label={t('playback.keys')}>
      <button
        type="button"
        className="icon"
        onClick={() => step(-1)}
        disabled={disabled}
        aria-label={t('playback.back')}
        title={`${t('playback.back')} (←)`}
      >
        ◀
      </button>
      <button
        type="button"
        onClick={toggle}
        disabled={disabled}
        aria-label={playing ? t('playback.pause') : t('playback.play')}
        title={`${playing ? t('playback.pause') : t('playback.play')} (Space)`}
        className="play"
      >
        {playing ? `❙❙ ${t('playback.pause')}` : `► ${t('playback.play')}`}
      </button>
      <button
        type="button"
        className="icon"
        onClick={() => step(1)}
        disabled={disabled}
        aria-label={t('playback.forward')}
        title={`${t('playback.forward')} (→)`}
      >
        ▶
      </button>
      <label>
        <span className="sr-only">{t('playback.speed')}</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} title={t('playback.speed')}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {total > 0 && (
        <span className="hop-counter" data-testid="hop-counter">
          {t('playback.hop', { n: hop + 1, total })}
          {count > 1 && ` · ${t('playback.requests', { count })}`}
        </span>
      )}
    </div>
  );
}
