import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '../engine';
import { createEngineHost } from '../worker/engine-host';
import { lessonStatus, selectCourse } from './lesson-selectors';
import { challengeKey, predictionKey } from './lesson-model';
import { installMemoryStorage } from './memory-storage.test-helper';

installMemoryStorage();

// The worker's engine host, in this thread: the same calls the page makes, without a Worker.
const host = createEngineHost();
vi.mock('./engine-sync', () => ({ engineClient: () => host }));

const { useStore } = await import('./store');
const { answerPrediction, checkLessonChallenge, loadLessonCatalogue, loadLessonFile } =
  await import('./lesson-sync');
const state = () => useStore.getState();

const bundle = (id: string, scene: string) => `format: svclab.lesson/v1
id: ${id}
title: { en: Mine, ko: 내 레슨 }
summary: { en: A lesson of mine., ko: 내가 만든 레슨입니다. }
concepts: [ClusterIP]
scene: [scene.yaml]
steps:
  - text: { en: Look., ko: 보세요. }
challenges: []
files:
  scene.yaml: |
${scene
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;

beforeEach(async () => {
  useStore.setState({
    engineStatus: 'ready',
    lessonCatalogue: null,
    userLessons: [],
    lessonId: null,
    lessonFileErrors: null,
  });
  await loadLessonCatalogue();
});

describe('the course from the worker', () => {
  it('lists the built-in lessons in course order, each with its scene only', () => {
    const course = selectCourse(state());
    expect(course.map((c) => c.ref).slice(0, 3)).toEqual(['clusterip', 'ports', 'kube-proxy']);
    expect(course.length).toBeGreaterThanOrEqual(17);
    expect(selectCourse(state())).toBe(course);
    const clusterip = course[0]!.lesson;
    expect(Object.keys(clusterip.files)).toEqual(clusterip.scene);
    expect(clusterip.solution).toBeUndefined();
    expect(state().lessonCatalogue?.builtinErrors).toEqual([]);
  });
});

describe('a challenge checked on the editor’s text', () => {
  it('fails on the starting scene, passes once the selector matches, and keeps the pass', async () => {
    state().openLesson('clusterip');
    const key = challengeKey('clusterip', 'clusterip-selector');
    await checkLessonChallenge('clusterip-selector');
    const failed = state().challengeRuns[key];
    expect(failed?.status === 'done' && failed.result.passed).toBe(false);
    if (failed?.status === 'done')
      expect(failed.result.checks.map((c) => render(c.description, 'ko'))).toContain(
        '요청 30개 모두 app=web 파드가 200으로 답한다',
      );
    expect(state().lessonProgress.clusterip?.passed).toEqual([]);

    state().setText(state().files[0]!.text.replace(/app: webapp/g, 'app: web'));
    await checkLessonChallenge('clusterip-selector');
    const passed = state().challengeRuns[key];
    expect(passed?.status === 'done' && passed.result.passed).toBe(true);
    expect(passed?.revision).toBe(state().revision);
    expect(state().lessonProgress.clusterip?.passed).toEqual(['clusterip-selector']);
    expect(
      lessonStatus(state().lessonCatalogue!.builtin[0]!, state().lessonProgress.clusterip),
    ).toMatchObject({
      challengesPassed: 1,
      challenges: 1,
      done: true,
    });

    // Broken again: the check says so, the pass already earned stays.
    state().setText('kind: [');
    await checkLessonChallenge('clusterip-selector');
    const again = state().challengeRuns[key];
    expect(again?.status === 'done' && again.result.passed).toBe(false);
    expect(state().lessonProgress.clusterip?.passed).toEqual(['clusterip-selector']);
  });
});

describe('a prediction', () => {
  it('is judged by what the cluster does, the request is sent, and the answer is kept', async () => {
    state().openLesson('clusterip');
    state().goToLessonStep(1);
    const send = vi.fn(async () => {});
    await answerPrediction('answer', send);
    expect(send).toHaveBeenCalledOnce();
    const run = state().predictionRuns[predictionKey('clusterip', 1)];
    expect(run?.status === 'done' && run.result).toMatchObject({ right: false, chosen: 'answer' });
    if (run?.status === 'done') expect(render(run.result.verdict, 'ko')).toMatch(/^아쉽습니다/);
    expect(state().lessonProgress.clusterip?.predictions).toEqual({ 1: { chosen: 'answer', right: false } });
    await answerPrediction('refused', send);
    expect(state().lessonProgress.clusterip?.predictions).toEqual({ 1: { chosen: 'refused', right: true } });
  });
});

describe('an instructor’s lesson file', () => {
  const scene = 'apiVersion: v1\nkind: Service\nmetadata: { name: mine }\nspec: { ports: [{ port: 80 }] }';

  it('opens a good bundle and keeps it for the next start', async () => {
    expect(await loadLessonFile('mine.lesson.yaml', bundle('mine', scene))).toBe(true);
    expect(state()).toMatchObject({ lessonId: 'user:mine', lessonFileErrors: null });
    expect(state().files).toEqual([{ name: 'scene.yaml', text: `${scene}\n` }]);
    expect(state().userLessons.map((u) => u.name)).toEqual(['mine.lesson.yaml']);
    await loadLessonCatalogue();
    expect(selectCourse(state()).at(-1)).toMatchObject({ ref: 'user:mine', file: 'mine.lesson.yaml' });
    // The same lesson again, under another name, replaces it.
    await loadLessonFile('mine-v2.json', bundle('mine', scene));
    expect(state().userLessons.map((u) => u.name)).toEqual(['mine-v2.json']);
  });

  it('shows what is wrong with a bad one, with line and field, and opens nothing', async () => {
    const bad = bundle('mine', scene).replace('concepts: [ClusterIP]', 'concepts: []\ncolour: blue');
    expect(await loadLessonFile('bad.yaml', bad)).toBe(false);
    const errors = state().lessonFileErrors;
    expect(errors?.name).toBe('bad.yaml');
    expect(errors?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'bad.yaml', field: 'concepts', line: 5 }),
        expect.objectContaining({
          field: 'colour',
          line: 6,
          message: { id: 'lesson.format.unknownField', params: { key: 'colour' } },
        }),
      ]),
    );
    expect(state().lessonId).toBeNull();
    expect(state().userLessons).toEqual([]);
    for (const hostile of ['', '\u0000\u0001', '{{{{', 'x'.repeat(2_000_001), 'a: &a [*a, *a]']) {
      expect(await loadLessonFile('hostile.yaml', hostile)).toBe(false);
      expect(state().lessonFileErrors?.errors.length).toBeGreaterThan(0);
    }
  });

  it('keeps a saved file that no longer decodes in the list of errors, not silently gone', async () => {
    useStore.setState({ userLessons: [{ name: 'old.yaml', text: 'format: svclab.lesson/v0\n' }] });
    await loadLessonCatalogue();
    expect(state().lessonCatalogue?.user).toEqual([expect.objectContaining({ name: 'old.yaml', ok: false })]);
    expect(state().userLessons).toHaveLength(1);
  });
});
