import { describe, expect, it } from 'vitest';
import { buildCluster, checkChallenge, createWorld, runCommand, sourcesOf } from '../engine';
import { builtinLessons } from '../lessons';
import { joinDocuments, sceneText } from './lesson-scene';

const seed = 1;

describe('a lesson scene as the editor’s one text', () => {
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

  // KNOWN BUG (issue 18 item 5 meets issue 9): since each file is its own kubectl apply (5fb9d20), the
  // editor's one joined text is one apply, so a multi-file lesson scene (the env lesson's client.yaml then
  // web.yaml) builds differently in the page than file by file. These two tests say so until the editor
  // keeps one source per file (issue 14's files as tabs); when that lands they fail and go back to `it`.
  it.fails(
    'gives every challenge the same verdict and details joined as when applied file by file',
    () => {
      for (const { lesson, files } of multi) {
        const apart = buildCluster(sourcesOf(lesson, files), { seed });
        const joined = buildCluster(
          [{ file: 'scene.yaml', text: joinDocuments(files.map((f) => lesson.files[f]!)) }],
          { seed },
        );
        for (const challenge of lesson.challenges)
          expect(checkChallenge(challenge, joined, { seed }), `${lesson.id} ${files.join('+')}`).toEqual(
            checkChallenge(challenge, apart, { seed }),
          );
      }
    },
    120_000,
  );

  // The guard on joining: cli-contract.md makes each file its own apply. Should the engine ever start
  // a pod's containers only after its whole apply (so a Service later in the same file reaches the pod's
  // environment), a pod in an earlier file and a Service in a later one would differ joined and apart,
  // and the editor would need one model per file instead.
  it.fails('keeps a Service of a later file out of the environment of a pod of an earlier one', () => {
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
    expect(envOf([{ file: 'scene.yaml', text: joinDocuments([pod, svc]) }])).toBe(apart);
  });

  it('joins files whatever their ends and openings', () => {
    expect(joinDocuments(['a: 1', 'b: 2\n'])).toBe('a: 1\n---\nb: 2\n');
    expect(joinDocuments(['a: 1\n', '---\nb: 2\n'])).toBe('a: 1\n---\n---\nb: 2\n');
    expect(joinDocuments(['a: 1\n', '%YAML 1.2\n---\nb: 2\n'])).toBe('a: 1\n...\n%YAML 1.2\n---\nb: 2\n');
    expect(joinDocuments(['only'])).toBe('only');
    expect(sceneText({ scene: ['x.yaml', 'missing.yaml'], files: { 'x.yaml': 'a: 1' } })).toBe('a: 1\n---\n');
  });

  it('yields the same objects for a directive-opened or dashes-opened file as applied apart', () => {
    const a = 'apiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec: { ports: [{ port: 80 }] }\n';
    const b =
      '%YAML 1.2\n---\napiVersion: v1\nkind: Service\nmetadata: { name: b }\nspec: { ports: [{ port: 81 }] }\n';
    const c = '---\napiVersion: v1\nkind: Service\nmetadata: { name: c }\nspec: { ports: [{ port: 82 }] }';
    const joined = buildCluster([{ file: 's.yaml', text: joinDocuments([a, b, c]) }], { seed });
    const apart = buildCluster(
      [a, b, c].map((text, i) => ({ file: `${i}.yaml`, text })),
      { seed },
    );
    expect(joined.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const names = (r: typeof joined) =>
      r.cluster.services.map((s) => `${s.metadata.name} ${s.spec.clusterIP}`);
    expect(names(joined)).toEqual(names(apart));
  });
});
