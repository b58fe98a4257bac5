/**
 * Files the user opens (the Open button, a drop on the editor) become tabs of the scene. Nothing the
 * user has is lost: an edited scene keeps its files and the opened ones are applied after them; only an
 * untouched scenario (built in, one click away) gives way to them. Each file is checked before it is
 * read (its name and size), then its bytes (text, not binary), then by the engine's reader in the worker
 * (an alias bomb, nesting, size limits are refused; a `kubectl get -o yaml` dump is cleaned for
 * re-applying). A scene svclab saved as one file opens as its files again.
 *
 * @example
 * await openFiles([{ name: 'web.yaml', size: 120, bytes: () => file.arrayBuffer() }]);
 * useStore.getState().fileNotice; // { opened: ['web.yaml'], problems: [], dumps: [] }
 */
import type { RemovableField } from '../engine';
import { engineClient } from './engine-sync';
import { fileNameProblem, MAX_FILES, splitSceneYaml, type SceneFile } from './scene-files';
import { useStore } from './store';
import type { FileNotice, FileProblem } from './types';

/** The largest file the page opens: a classroom scene is a few KB; a 5 MB paste would stall the editor. */
export const MAX_OPEN_BYTES = 2 * 1024 * 1024;

/** A file as the page gets it from a drop, the file input or the File System Access API. */
export interface OpenInput {
  name: string;
  size: number;
  bytes(): Promise<ArrayBuffer>;
}

const YAML_NAME = /\.(ya?ml|json)$/i;

/** The text of a file's bytes, or why it is not a text svclab reads (binary, not UTF-8). */
export function textOf(bytes: Uint8Array): string | null {
  // A NUL byte is never in a YAML file; images, archives and executables have many.
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** A name the scene has no file by yet: web.yaml, web-2.yaml, web-3.yaml, … */
export function freeName(wanted: string, files: readonly SceneFile[]): string {
  const base = wanted.split(/[\\/]/).pop() ?? wanted;
  const problem = fileNameProblem(base, files);
  if (problem === null) return base;
  const usable = problem === 'taken' ? base : 'file.yaml';
  const dot = usable.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [usable.slice(0, dot), usable.slice(dot)] : [usable, ''];
  for (let n = 2; ; n++) {
    const name = `${stem}-${n}${ext}`;
    if (!fileNameProblem(name, files)) return name;
  }
}

type Read = { files: SceneFile[]; dump?: FileNotice['dumps'][number] } | { problem: FileProblem };

async function readOne(input: OpenInput): Promise<Read> {
  const { name } = input;
  if (!YAML_NAME.test(name)) return { problem: { name, code: 'extension' } };
  if (input.size > MAX_OPEN_BYTES) return { problem: { name, code: 'tooLarge', size: input.size } };
  let text: string | null;
  try {
    text = textOf(new Uint8Array(await input.bytes()));
  } catch (e) {
    return { problem: { name, code: 'unreadable', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (text === null) return { problem: { name, code: 'binary' } };
  const client = engineClient();
  const r = client ? await client.readFile(text) : null;
  if (!r || !r.ok) return { problem: { name, code: 'unreadable', detail: r?.error ?? 'no engine' } };
  const read = r.value;
  if (read.refused)
    return {
      problem: { name, code: 'refused', reason: read.refused.code, line: read.refused.line ?? 1 },
    };
  const files = splitSceneYaml(read.text) ?? [{ name, text: read.text }];
  if (!read.dump) return { files };
  const removed = Object.entries(read.removed) as [RemovableField, number][];
  const { keptPodStatus, controllerSlices, objects, addedNodes } = read;
  return { files, dump: { name, removed, keptPodStatus, controllerSlices, objects, addedNodes } };
}

/**
 * Reads the files and opens the good ones as tabs (the first of them shown); the page's notice says what
 * was opened, what was refused and why, and what a dump lost.
 */
export async function openFiles(inputs: readonly OpenInput[]): Promise<FileNotice> {
  const notice: FileNotice = { opened: [], problems: [], dumps: [], replaced: false };
  const good: SceneFile[] = [];
  for (const input of inputs) {
    const r = await readOne(input);
    if ('problem' in r) notice.problems.push(r.problem);
    else {
      good.push(...r.files);
      if (r.dump) notice.dumps.push(r.dump);
    }
  }
  if (good.length > 0) {
    useStore.setState((s) => {
      // An untouched scenario is one click away in the menu: the opened files take its place.
      const replace = s.lessonId === null && !s.edited;
      const files = replace ? [] : [...s.files];
      for (const f of good) {
        if (files.length >= MAX_FILES) {
          notice.problems.push({ name: f.name, code: 'tooMany', max: MAX_FILES });
          continue;
        }
        const name = freeName(f.name, files);
        files.push({ name, text: f.text });
        notice.opened.push(name);
      }
      if (notice.opened.length === 0) return {};
      notice.replaced = replace;
      return {
        files,
        activeFile: notice.opened[0]!,
        edited: true,
        revision: s.revision + 1,
        ...(replace ? { scenarioId: null, traces: [], traceError: null, selected: null, playhead: 0 } : {}),
      };
    });
  }
  useStore.setState({ fileNotice: notice });
  return notice;
}
