/**
 * Playback from the keyboard and from presentation clickers, anywhere on the page except where the keys
 * mean something else: Space plays and pauses (but activates a focused button or checkbox as usual),
 * ← and → step the followed request's hops (but move the caret in a text field, change a select, switch
 * tabs), and PageDown / PageUp step too, since that is what a presenter's clicker sends. Home and End
 * jump to the start and to the end state of the whole burst. While a lesson is open in the side panel,
 * the clicker's PageDown / PageUp turn the lesson's pages instead (the arrows still step hops), so an
 * instructor walks the lesson with the clicker and a student can still step the packet.
 */
import { useEffect } from 'react';
import { duration, stepTime, useStore } from '../../store';

/** Where a key is text editing or a control's own. */
const TEXT =
  'input:not([type=checkbox]):not([type=radio]), textarea, select, .monaco-editor, [contenteditable]';
const CONTROL = 'button, a[href], input, summary, [role=button], [role=tab], [role=checkbox], [role=switch]';

const within = (el: EventTarget | null, selector: string) =>
  typeof Element !== 'undefined' && el instanceof Element && el.closest(selector) !== null;

/** Steps the followed request one hop forward (1) or back (-1), pausing playback. */
export function step(dir: 1 | -1): void {
  const s = useStore.getState();
  s.setPlaying(false);
  s.setPlayhead(stepTime(s.traces, s.playhead, dir, s.focus));
}

/** Plays or pauses; playing from the end starts over. */
export function toggle(): void {
  const s = useStore.getState();
  if (!s.traces.length) return;
  if (!s.playing && s.playhead >= duration(s.traces)) s.setPlayhead(0);
  s.setPlaying(!s.playing);
}

/** Jumps to the start (0) or to the end state of every request, pausing playback. */
export function jump(to: 'start' | 'end'): void {
  const s = useStore.getState();
  s.setPlaying(false);
  s.setPlayhead(to === 'start' ? 0 : duration(s.traces));
}

/** A lesson is open and showing: the clicker's keys belong to its steps. */
function lessonShown(): boolean {
  const s = useStore.getState();
  return s.lessonId !== null && s.sidePanel === 'lesson';
}

/** Turns the open lesson's page forward (1) or back (-1). */
export function lessonPage(dir: 1 | -1): void {
  useStore.getState().lessonStep(dir);
}

/** The action a key stands for, or null when the key belongs to the element it was pressed on. */
export function keyAction(key: string, target: EventTarget | null): (() => void) | null {
  if (within(target, TEXT)) return null;
  if (key === ' ') return within(target, CONTROL) ? null : toggle;
  if (key === 'PageDown') return lessonShown() ? () => lessonPage(1) : () => step(1);
  if (key === 'PageUp') return lessonShown() ? () => lessonPage(-1) : () => step(-1);
  if (key === 'Home') return () => jump('start');
  if (key === 'End') return () => jump('end');
  if (within(target, '[role=tablist], [role=listbox], [role=slider]')) return null;
  if (key === 'ArrowRight') return () => step(1);
  if (key === 'ArrowLeft') return () => step(-1);
  return null;
}

export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const action = keyAction(e.key, e.target);
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
