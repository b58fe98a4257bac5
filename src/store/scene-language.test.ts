/**
 * A scene opens with its comments in the page's language (scenarios/scene-text.ts); the text is the
 * user's from then on, so switching the language later never rewrites it.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinLessons } from '../lessons';
import { findScenario } from '../scenarios';
import { forPage } from '../worker/lesson-host';
import { sceneFiles, startingScene } from './lesson-scene';
import { useStore } from './store';

const builtin = builtinLessons().lessons.map(forPage);
const catalogue = { builtin, builtinErrors: [], user: [], maxBytes: 2_000_000 };
const state = () => useStore.getState();
const text = () =>
  state()
    .files.map((f) => f.text)
    .join('\n---\n');
const readiness = findScenario('readiness')!;

beforeEach(() => {
  if (state().lessonId) state().closeLesson();
  useStore.setState({ lessonCatalogue: catalogue, lessonTexts: {}, locale: 'en', edited: false });
});

describe('a scenario in the page’s language', () => {
  it('opens with Korean comments in Korean and as written in English, the objects the same', () => {
    state().setLocale('ko');
    state().loadScenario('readiness');
    expect(text().split('\n')[0]).toBe('# 준비성: Ready가 아닌 파드는 엔드포인트가 아닙니다');
    expect(text()).not.toContain('Readiness: a pod that is not Ready');
    expect(state().edited).toBe(false);
    expect(text().replace(/#.*$/gm, '').replace(/\n+/g, '\n')).toBe(
      readiness.yaml.replace(/#.*$/gm, '').replace(/\n+/g, '\n'),
    );

    state().setLocale('en');
    state().loadScenario('readiness');
    expect(text()).toBe(readiness.yaml);
  });

  it('keeps the text when the language changes afterwards', () => {
    state().setLocale('ko');
    state().loadScenario('session-affinity');
    const korean = text();
    const revision = state().revision;
    state().setLocale('en');
    expect(text()).toBe(korean);
    expect(state().revision).toBe(revision);
  });
});

describe('a lesson’s starting scene in the page’s language', () => {
  const lesson = builtin.find((l) => l.id === 'clusterip')!;

  it('opens in Korean, not counted as an edit, and resets to the Korean scene', () => {
    state().setLocale('ko');
    expect(state().openLesson('clusterip')).toBe(true);
    expect(text().split('\n')[0]).toBe('# 레슨: ClusterIP와 셀렉터');
    expect(state().edited).toBe(false);
    state().setText('# mine\n');
    state().resetLessonScene();
    expect(state().files).toEqual(startingScene(lesson, 'clusterip', 'ko'));
    expect(state().edited).toBe(false);
  });

  it('keeps the text it was left with when the language changed meanwhile, unedited', () => {
    expect(state().openLesson('clusterip')).toBe(true);
    expect(state().files).toEqual(sceneFiles(lesson));
    state().closeLesson();
    state().setLocale('ko');
    expect(state().openLesson('clusterip')).toBe(true);
    expect(state().files).toEqual(sceneFiles(lesson));
    expect(state().edited).toBe(false);
  });

  it('leaves an instructor’s lesson in its own words', () => {
    expect(startingScene(lesson, 'user:clusterip', 'ko')).toEqual(sceneFiles(lesson));
    expect(startingScene(lesson, 'clusterip', 'en')).toEqual(sceneFiles(lesson));
  });
});
