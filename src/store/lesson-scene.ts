/**
 * A lesson's starting scene as the editor's files: one tab per file of the lesson's scene, in its order,
 * each applied as its own `kubectl apply -f` (so the env lesson's client.yaml-then-web.yaml trap shows in
 * the page as it does on a cluster; lesson-scene.test.ts checks the page sends what the CLI applies).
 *
 * @example
 * sceneFiles({ scene: ['a.yaml', 'b.yaml'], files: { 'a.yaml': 'kind: A', 'b.yaml': 'kind: B\n' } });
 * // [{ name: 'a.yaml', text: 'kind: A' }, { name: 'b.yaml', text: 'kind: B\n' }]
 */
import type { LoadedLesson } from '../engine';
import type { SceneFile } from './scene-files';

export function sceneFiles(lesson: Pick<LoadedLesson, 'scene' | 'files'>): SceneFile[] {
  return lesson.scene.map((name) => ({ name, text: lesson.files[name] ?? '' }));
}
