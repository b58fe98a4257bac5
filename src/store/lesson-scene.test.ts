import { describe, expect, it } from 'vitest';
import { buildCluster, checkChallenge, createWorld, runCommand, sourcesOf } from '../engine';
import { builtinLessons } from '../lessons';
import { forPage } from '../worker/lesson-host';
import { sceneFiles } from './lesson-scene';
import { toSources } from './scene-files';

const seed = 1;

describe('a lesson scene as the editor’s files', () => {
  const { lessons } = builtinLessons();
  const multi = lessons.flatMap((lesson) =>
    [lesson.scene, lesson.solution ?? [], ...(lesson.examples ?? []).map((e) => e.files)]
      .filter((files) => files.length > 1)
      .map((files) => ({ lesson, files })),
  );

  it('covers the built-in scenes that are several files (the apply-order example among them)', () => {
    expect(multi.length).toBeGreaterThan(10);
    expect(multi.some(({ lesson }) => lesson.id === 'env')).toBe(true);
  });

  // Each file is its own kubectl apply (5fb9d20): the page sends one source per file, in order, so a
  // multi-file scene (the env lesson's client.yaml then web.yaml) builds in the page as file by file.
  // Until issue 14 the editor joined them into one text (one apply) and these two were known failures.
  it('gives every challenge the same verdict and details from the page’s sources as applied file by file', async () => {
    const { useStore } = await import('./store');
    const builtin = lessons.map(forPage);
    useStore.setState({ lessonCatalogue: { builtin, builtinErrors: [], user: [], maxBytes: 2_000_000 } });
    for (const { lesson, files } of multi) {
      const apart = buildCluster(sourcesOf(lesson, files), { seed });
      // A lesson's own scene goes the whole way: opened in the store, as engine-sync sends it.
      let page = toSources(sceneFiles({ scene: files, files: lesson.files }));
      if (files === lesson.scene) {
        expect(useStore.getState().openLesson(lesson.id)).toBe(true);
        page = toSources(useStore.getState().files);
      }
      expect(page).toEqual(sourcesOf(lesson, files));
      const built = buildCluster(page, { seed });
      for (const challenge of lesson.challenges)
        expect(checkChallenge(challenge, built, { seed }), `${lesson.id} ${files.join('+')}`).toEqual(
          checkChallenge(challenge, apart, { seed }),
        );
    }
  }, 120_000);

  // The trap the env lesson teaches: a pod's containers start with the Services of its own apply and
  // earlier ones, so a Service in a later file is not in the environment of a pod of an earlier one.
  it('keeps a Service of a later file out of the environment of a pod of an earlier one', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: { name: client }\nspec: { containers: [{ name: c, image: busybox }] }\n';
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n';
    const envOf = (sources: { file: string; text: string }[]) =>
      runCommand('exec client -- env', {
        ...buildCluster(sources, { seed }),
        world: createWorld(seed),
        json: false,
        lang: 'en',
      }).stdout;
    const apart = envOf([
      { file: 'pod.yaml', text: pod },
      { file: 'svc.yaml', text: svc },
    ]);
    expect(apart).toContain('KUBERNETES_SERVICE_HOST');
    expect(apart).not.toContain('WEB_SERVICE_HOST');
    const tabs = [
      { name: 'pod.yaml', text: pod },
      { name: 'svc.yaml', text: svc },
    ];
    expect(envOf(toSources(tabs))).toBe(apart);
    // The same two as one file are one apply: the Service is in the pod's environment.
    expect(envOf([{ file: 'one.yaml', text: `${pod}---\n${svc}` }])).toContain('WEB_SERVICE_HOST');
  });
});
