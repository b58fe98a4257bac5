/**
 * Open and Save for the scene's files. Open takes one or more .yaml files (the File System Access API's
 * picker where the browser has one, else a file input); each becomes a tab (store/file-open.ts). Save
 * writes the scene as one .yaml file (the save dialog where there is one, else a download); a scene of
 * several files goes into one file that Open splits again.
 */
import { useRef, type ChangeEvent } from 'react';
import { useT } from '../../i18n';
import { OpenIcon, SaveIcon } from './icons';
import { fileNameFor, openFiles, saveFile, sceneAsYaml, useStore, type OpenInput } from '../../store';

interface OpenHandle {
  getFile(): Promise<File>;
}
type OpenPicker = (options: {
  multiple: boolean;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<OpenHandle[]>;

/** A File as store/file-open.ts reads it: size first, bytes only when the name and size pass. */
export const fromFile = (f: File): OpenInput => ({
  name: f.name,
  size: f.size,
  bytes: () => f.arrayBuffer(),
});

async function pickWithPicker(picker: OpenPicker, description: string): Promise<OpenInput[] | null> {
  try {
    const handles = await picker({
      multiple: true,
      types: [
        { description, accept: { 'application/yaml': ['.yaml', '.yml'], 'application/json': ['.json'] } },
      ],
    });
    return (await Promise.all(handles.map((h) => h.getFile()))).map(fromFile);
  } catch (e) {
    // Cancelled: nothing to open. Refused (a policy, a frame): the file input still works.
    return e instanceof DOMException && e.name === 'AbortError' ? [] : null;
  }
}

export function FileActions() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);

  const open = async () => {
    const picker = (globalThis as { showOpenFilePicker?: OpenPicker }).showOpenFilePicker;
    const picked = typeof picker === 'function' ? await pickWithPicker(picker, t('file.open')) : null;
    if (picked === null) input.current?.click();
    else if (picked.length > 0) await openFiles(picked);
  };
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = ''; // the same file can be opened again
    if (files.length > 0) void openFiles(files.map(fromFile));
  };
  const save = () => {
    const s = useStore.getState();
    const name = s.files.length === 1 ? s.files[0]!.name : fileNameFor(s.workspaceName ?? 'scene');
    void saveFile(name, sceneAsYaml(s.files));
  };

  return (
    <span className="file-io">
      <input
        ref={input}
        type="file"
        multiple
        accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        onChange={picked}
        data-testid="file-open-input"
      />
      {/* Pictures with their names for a screen reader and a tooltip: the toolbar stays one row at
          1280×720 in every language. Another file action (an export) joins this group the same way. */}
      <button
        type="button"
        onClick={() => void open()}
        aria-label={t('file.open')}
        title={t('file.open.title')}
        data-testid="file-open"
      >
        <OpenIcon />
      </button>
      <button
        type="button"
        onClick={save}
        aria-label={t('file.save')}
        title={t('file.save.title')}
        data-testid="file-save"
      >
        <SaveIcon />
      </button>
    </span>
  );
}
