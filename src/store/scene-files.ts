/**
 * A scene is files applied in order, as `kubectl apply -f` on each in turn (cli-contract: each file is
 * one apply, so a pod's containers see the Services of its own file and earlier ones). The editor shows
 * them as tabs; the engine gets one source per file, in the same order.
 *
 * @example
 * toSources([{ name: 'client.yaml', text: 'kind: Pod…' }, { name: 'web.yaml', text: 'kind: Service…' }]);
 * // [{ file: 'client.yaml', text: 'kind: Pod…' }, { file: 'web.yaml', text: 'kind: Service…' }]
 */
import type { ManifestSource } from '../engine';

export interface SceneFile {
  name: string; // "client.yaml"
  text: string;
}

/** The one file of a scene made of one text (a scenario, a save from before files). */
export const SCENE_FILE = 'scene.yaml';

/** The most files a scene keeps (a lesson has a handful; more is a mistake, not a scene). */
export const MAX_FILES = 50;
const MAX_NAME = 100;

export const singleFile = (text: string): SceneFile[] => [{ name: SCENE_FILE, text }];

/** What the engine is given: one source per file, in apply order. */
export const toSources = (files: readonly SceneFile[]): ManifestSource[] =>
  files.map((f) => ({ file: f.name, text: f.text }));

export const sameFiles = (a: readonly SceneFile[], b: readonly SceneFile[]): boolean =>
  a.length === b.length && a.every((f, i) => f.name === b[i]!.name && f.text === b[i]!.text);

/** Why `name` cannot name a file of `files` (other than `except`), or null when it can. */
export function fileNameProblem(
  name: string,
  files: readonly SceneFile[],
  except?: string,
): 'empty' | 'chars' | 'long' | 'taken' | null {
  if (!name.trim()) return 'empty';
  // A lesson's files may sit in folders ("examples/a.yaml"); nothing that reads as outside or hidden.
  const control = [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (control || name !== name.trim() || /^\/|\\|\.\./.test(name)) return 'chars';
  if (name.length > MAX_NAME) return 'long';
  if (files.some((f) => f.name === name && f.name !== except)) return 'taken';
  return null;
}

/** A name no file has yet: "file-2.yaml", "file-3.yaml", … */
export function nextFileName(files: readonly SceneFile[]): string {
  for (let n = files.length + 1; ; n++) {
    const name = `file-${n}.yaml`;
    if (!files.some((f) => f.name === name)) return name;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Saved files read back: the well-formed ones in order (a later file with a name taken before, or with
 * a name that is not a name, is renamed rather than lost), or null when there is no file at all.
 */
export function sceneFilesFrom(v: unknown): SceneFile[] | null {
  if (!Array.isArray(v)) return null;
  const out: SceneFile[] = [];
  for (const f of v.slice(0, MAX_FILES)) {
    if (!isRecord(f) || typeof f.text !== 'string') continue;
    const wanted = typeof f.name === 'string' ? f.name : '';
    const name = fileNameProblem(wanted, out) ? nextFileName(out) : wanted;
    out.push({ name, text: f.text });
  }
  return out.length > 0 ? out : null;
}

/** The comment that opens each file of a scene saved as one YAML file (features/workspaces/download.ts). */
export const FILE_MARK = '# svclab file: ';

/**
 * A scene as one YAML file: one file as it is; several files one after another, each opened by a
 * comment with its name, so that a reader (or svclab's Open, splitSceneYaml) can split them again.
 *
 * @example
 * sceneAsYaml([{ name: 'a.yaml', text: 'kind: Pod\n' }, { name: 'b.yaml', text: 'kind: Service\n' }]);
 * // "# svclab file: a.yaml\nkind: Pod\n---\n# svclab file: b.yaml\nkind: Service\n"
 */
export function sceneAsYaml(files: readonly SceneFile[]): string {
  if (files.length === 1) return files[0]!.text;
  return files
    .map((f) => `${FILE_MARK}${f.name}\n${f.text.endsWith('\n') || !f.text ? f.text : `${f.text}\n`}`)
    .join('---\n');
}

/**
 * A scene svclab saved as one YAML file, split back into its files; null when the text is not one (a
 * file of its own, however many documents it holds: one `kubectl apply -f`).
 *
 * @example
 * splitSceneYaml('# svclab file: a.yaml\nkind: Pod\n---\n# svclab file: b.yaml\nkind: Service\n');
 * // [{ name: 'a.yaml', text: 'kind: Pod\n' }, { name: 'b.yaml', text: 'kind: Service\n' }]
 */
export function splitSceneYaml(text: string): SceneFile[] | null {
  if (!text.startsWith(FILE_MARK)) return null;
  const files: SceneFile[] = [];
  for (const part of text.split(/^---\r?\n(?=# svclab file: )/m)) {
    const nl = part.indexOf('\n');
    const name = (nl === -1 ? part : part.slice(0, nl)).slice(FILE_MARK.length).replace(/\r$/, '');
    files.push({ name, text: nl === -1 ? '' : part.slice(nl + 1) });
  }
  return files;
}
