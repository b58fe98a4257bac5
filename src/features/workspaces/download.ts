/**
 * A scene as one YAML file to download, for when the browser will not keep it (storage full, no
 * storage): one file as it is; several files one after another, each opened by a comment with its name,
 * so that a reader (or svclab's file import) can split them again.
 *
 * @example
 * sceneAsYaml([{ name: 'a.yaml', text: 'kind: Pod\n' }, { name: 'b.yaml', text: 'kind: Service\n' }]);
 * // "# svclab file: a.yaml\nkind: Pod\n---\n# svclab file: b.yaml\nkind: Service\n"
 */
import type { SceneFile } from '../../store';

export const FILE_MARK = '# svclab file: ';

export function sceneAsYaml(files: readonly SceneFile[]): string {
  if (files.length === 1) return files[0]!.text;
  return files
    .map((f) => `${FILE_MARK}${f.name}\n${f.text.endsWith('\n') || !f.text ? f.text : `${f.text}\n`}`)
    .join('---\n');
}

/** Offers `text` as a download named `name` (an object URL: nothing leaves the page). */
export function download(name: string, text: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a workspace's name ("My scene" → "my-scene.yaml"). */
export const fileNameFor = (name: string): string =>
  `${
    name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'scene'
  }.yaml`;
