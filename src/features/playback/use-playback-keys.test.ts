import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../store';
import { keyAction } from './use-playback-keys';

const initial = useStore.getState();
afterEach(() => useStore.setState(initial, true));

describe('keyAction: a presenter clicker', () => {
  it('turns the lesson pages with PageDown/PageUp while a lesson is open and showing', () => {
    const lessonStep = vi.fn();
    useStore.setState({ lessonId: 'clusterip', sidePanel: 'lesson', lessonStep });
    keyAction('PageDown', null)?.();
    keyAction('PageUp', null)?.();
    expect(lessonStep.mock.calls).toEqual([[1], [-1]]);
  });

  it('steps hops, not pages, when the inspector is showing or no lesson is open', () => {
    const lessonStep = vi.fn();
    const setPlayhead = vi.fn();
    useStore.setState({ lessonId: 'clusterip', sidePanel: 'inspector', lessonStep, setPlayhead });
    keyAction('PageDown', null)?.();
    useStore.setState({ lessonId: null, sidePanel: 'lesson' });
    keyAction('PageUp', null)?.();
    expect(lessonStep).not.toHaveBeenCalled();
    expect(setPlayhead).toHaveBeenCalledTimes(2);
  });

  it('keeps the arrows on the hops while a lesson shows, so a student can still step the packet', () => {
    const lessonStep = vi.fn();
    const setPlayhead = vi.fn();
    useStore.setState({ lessonId: 'clusterip', sidePanel: 'lesson', lessonStep, setPlayhead });
    keyAction('ArrowRight', null)?.();
    expect(lessonStep).not.toHaveBeenCalled();
    expect(setPlayhead).toHaveBeenCalledTimes(1);
  });
});
