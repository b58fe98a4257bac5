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
import type { Locale } from '../i18n/translate';
import { lessonFileText } from '../scenarios/scene-text';
import { USER_PREFIX, type LessonRef } from './lesson-model';
import type { SceneFile } from './scene-files';

export function sceneFiles(lesson: Pick<LoadedLesson, 'scene' | 'files'>): SceneFile[] {
  return lesson.scene.map((name) => ({ name, text: lesson.files[name] ?? '' }));
}

/**
 * The scene a lesson starts from for a reader of `locale`: a built-in lesson's comments in their
 * language (an instructor's lesson keeps its own words).
 */
export function startingScene(
  lesson: Pick<LoadedLesson, 'id' | 'scene' | 'files'>,
  ref: LessonRef,
  locale: Locale,
): SceneFile[] {
  const files = sceneFiles(lesson);
  if (ref.startsWith(USER_PREFIX)) return files;
  return files.map((f) => ({ name: f.name, text: lessonFileText(lesson.id, f.name, f.text, locale) }));
}
