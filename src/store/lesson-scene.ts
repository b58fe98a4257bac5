/**
 * A lesson's starting scene as the editor's one text. A scene is files applied in order; the engine
 * creates objects in document order across the files it is given (manifest/load.ts numbers documents
 * through every source), so the files joined as YAML documents in the same order build the same cluster:
 * lesson-scene.test.ts checks that every multi-file scene of the built-in lessons gets the same verdicts
 * both ways.
 *
 * @example
 * sceneText({ scene: ['a.yaml', 'b.yaml'], files: { 'a.yaml': 'kind: A', 'b.yaml': 'kind: B\n' } });
 * // "kind: A\n---\nkind: B\n"
 */
import type { LoadedLesson } from '../engine';

/** The documents of `texts` as one YAML stream, in order. */
export function joinDocuments(texts: readonly string[]): string {
  let out = '';
  for (const text of texts) {
    if (out) {
      if (!out.endsWith('\n')) out += '\n';
      // A file that opens with a directive (%YAML) needs the stream's previous document ended first.
      out += /^\s*%/.test(text) ? '...\n' : '---\n';
    }
    out += text;
  }
  return out;
}

export function sceneText(lesson: Pick<LoadedLesson, 'scene' | 'files'>): string {
  return joinDocuments(lesson.scene.map((f) => lesson.files[f] ?? ''));
}
