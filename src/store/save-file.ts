/**
 * Files leave the page only as the user asks: the File System Access API's save dialog where the
 * browser has it (Chromium), otherwise a download. Either way the bytes come from an object URL or a
 * stream in the page: nothing is sent anywhere.
 *
 * @example
 * await saveFile('scene.yaml', text); // 'saved' (dialog), 'downloaded' or 'cancelled'
 */

interface SaveHandle {
  createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>;
}
type SavePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<SaveHandle>;

/** Offers `data` as a download named `name` (an object URL: nothing leaves the page). */
export function download(name: string, data: string | Blob, type = 'application/yaml'): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const EXTENSIONS: Record<string, string[]> = {
  'application/yaml': ['.yaml', '.yml'],
  'application/json': ['.json'],
  'text/markdown': ['.md'],
  'text/plain': ['.txt'],
  'image/png': ['.png'],
  'image/svg+xml': ['.svg'],
};

/** Saves through the browser's save dialog when it has one, else downloads. */
export async function saveFile(
  name: string,
  data: string | Blob,
  type = 'application/yaml',
): Promise<'saved' | 'downloaded' | 'cancelled'> {
  const picker = (globalThis as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (typeof picker === 'function') {
    try {
      const handle = await picker({
        suggestedName: name,
        types: [{ description: name, accept: { [type]: EXTENSIONS[type] ?? [] } }],
      });
      const out = await handle.createWritable();
      await out.write(typeof data === 'string' ? new Blob([data], { type }) : data);
      await out.close();
      return 'saved';
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return 'cancelled';
      // Not allowed here (a cross-origin frame, a policy): the download still works.
    }
  }
  download(name, data, type);
  return 'downloaded';
}

/** A file name from a title ("My scene" → "my-scene.yaml"; Korean kept). */
export const fileNameFor = (name: string, ext = '.yaml'): string =>
  `${
    name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'scene'
  }${ext}`;
