/**
 * Play, pause, step and speed, with the keyboard and clickers (use-playback-keys.ts). Stepping follows
 * the request the inspector follows; the counter says which hop of which request.
 */
import { useT } from '../../i18n';
import { selectHopIndex, SPEEDS, useStore } from '../../store';
import { step, toggle, usePlaybackKeys } from './use-playback-keys';
import { useClock } from './use-clock';

export function PlaybackControls() {
  const t = useT();
  useClock();
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  const setSpeed = useStore((s) => s.setSpeed);
  const hop = useStore(selectHopIndex);
  const total = useStore((s) => s.traces[s.focus]?.hops.length ?? 0);
  const count = useStore((s) => s.traces.length);
  const focus = useStore((s) => s.focus);
  usePlaybackKeys();

  const disabled = total === 0;
  return (
    // The skip link "to the playback controls" lands here (tabIndex -1: focusable by the link only).
    <div className="playback" role="group" aria-label={t('playback.keys')} id="playback" tabIndex={-1}>
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
          {count > 1 && ` · ${t('inspector.request', { k: focus + 1, n: count })}`}
        </span>
      )}
    </div>
  );
}
