/**
 * The scene's files as tabs, in apply order (each file is one `kubectl apply -f`, the first applied
 * first): pick one to edit, add one, and for the one shown rename it, move it earlier or later, or remove
 * it. A tab with errors says how many. Arrow keys move between tabs (the WAI-ARIA tabs pattern).
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { MAX_FILES, useShallow, useStore, type FileNameProblem } from '../../store';
import { FileActions } from './FileActions';
import { FileMenu, type FileMenuItem } from './FileMenu';
import './file-tabs.css';

function useErrorsByFile(): Record<string, number> {
  return useStore(
    useShallow((s) => {
      const first = s.files[0]?.name ?? '';
      const out: Record<string, number> = {};
      for (const d of s.diagnostics)
        if (d.severity === 'error') out[d.file ?? first] = (out[d.file ?? first] ?? 0) + 1;
      return out;
    }),
  );
}

function RenameField({ from, onDone }: { from: string; onDone(): void }) {
  const t = useT();
  const [name, setName] = useState(from);
  const [problem, setProblem] = useState<FileNameProblem | null>(null);
  const commit = () => {
    const p = useStore.getState().renameFile(from, name.trim());
    if (p) setProblem(p);
    else onDone();
  };
  return (
    <span className="file-rename">
      <input
        autoFocus
        value={name}
        aria-label={t('editor.file.name')}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') onDone();
        }}
        onBlur={onDone}
        data-testid="file-rename"
      />
      {problem && (
        <span role="alert" className="file-problem">
          {t(`editor.file.problem.${problem}`)}
        </span>
      )}
    </span>
  );
}

export function FileTabs() {
  const t = useT();
  const files = useStore(useShallow((s) => s.files.map((f) => f.name)));
  const active = useStore((s) => s.activeFile);
  const errors = useErrorsByFile();
  const [renaming, setRenaming] = useState(false);
  const s = useStore.getState();
  const at = files.indexOf(active);
  // The tabs scroll sideways rather than wrap (the editor keeps its height): the shown file stays in view.
  useEffect(() => {
    document.getElementById(tabId(active))?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [active, files.length]);

  const onKey = (e: KeyboardEvent) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    const next = files[(at + delta + files.length) % files.length];
    if (!next) return;
    e.preventDefault();
    s.showFile(next);
    document.getElementById(tabId(next))?.focus();
  };
  const remove = () => {
    const text = useStore.getState().files.find((f) => f.name === active)?.text ?? '';
    if (text.trim() && !window.confirm(t('editor.file.remove.confirm', { name: active }))) return;
    s.removeFile(active);
  };

  const many = files.length > 1;
  const fileItems: FileMenuItem[] = [
    { label: t('editor.file.rename'), onSelect: () => setRenaming(true), testId: 'file-rename-start' },
    ...(many
      ? [
          { label: t('editor.file.earlier'), onSelect: () => s.moveFile(active, -1), disabled: at === 0 },
          {
            label: t('editor.file.later'),
            onSelect: () => s.moveFile(active, 1),
            disabled: at === files.length - 1,
          },
          { label: t('editor.file.remove'), onSelect: remove, testId: 'file-remove' },
        ]
      : []),
  ];

  return (
    <div className="file-tabs">
      <div role="tablist" aria-label={t('editor.files')} className="file-tablist" onKeyDown={onKey}>
        {files.map((name, i) => (
          <button
            key={name}
            id={tabId(name)}
            type="button"
            role="tab"
            aria-selected={name === active}
            tabIndex={name === active ? 0 : -1}
            className={name === active ? 'file-tab active' : 'file-tab'}
            title={t('editor.file.order', { n: i + 1, count: files.length })}
            onClick={() => s.showFile(name)}
            onDoubleClick={() => setRenaming(true)}
            data-testid="file-tab"
          >
            {files.length > 1 && <span className="file-order">{i + 1}</span>}
            {name}
            {errors[name] ? (
              <span className="file-errors" aria-label={t('editor.file.errors', { count: errors[name] })}>
                {errors[name]}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      {renaming ? (
        <RenameField key={active} from={active} onDone={() => setRenaming(false)} />
      ) : (
        <span className="file-actions">
          <button
            type="button"
            disabled={files.length >= MAX_FILES}
            onClick={() => s.addFile()}
            data-testid="file-add"
            aria-label={t('editor.file.add.title')}
            title={t('editor.file.add.title')}
          >
            +
          </button>
          <FileMenu label={t('editor.file.menu', { name: active })} items={fileItems} />
          <FileActions />
        </span>
      )}
    </div>
  );
}

const tabId = (name: string) => `file-tab-${encodeURIComponent(name)}`;
