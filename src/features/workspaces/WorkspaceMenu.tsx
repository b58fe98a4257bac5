/**
 * The workspaces: the one open (its name, in the header) and, unfolded, every saved one to open, rename
 * or delete, and a new one. Each is saved as the user types (store/workspace-sync.ts); opening another
 * never loses the one open, which stays as it was saved.
 */
import { useState } from 'react';
import { useT } from '../../i18n';
import {
  deleteWorkspace,
  newWorkspace,
  openWorkspace,
  renameWorkspace,
  selectLocale,
  useShallow,
  useStore,
  type WorkspaceMeta,
} from '../../store';
import { workspaceTitle } from './workspace-name';
import './workspaces.css';

function Row({ w, current }: { w: WorkspaceMeta; current: boolean }) {
  const t = useT();
  const locale = useStore(selectLocale);
  const [renaming, setRenaming] = useState(false);
  const title = workspaceTitle(w, locale, t('workspace.untitled'));
  // Not saved yet (updated 0): no time to show.
  const when = w.updated
    ? new Date(w.updated).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })
    : '…';
  const rename = (name: string) => {
    setRenaming(false);
    void renameWorkspace(w.id, name);
  };
  return (
    <li className={current ? 'workspace-row current' : 'workspace-row'} data-testid="workspace-row">
      {renaming ? (
        <input
          autoFocus
          defaultValue={w.name ?? title}
          aria-label={t('workspace.name')}
          maxLength={100}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename(e.currentTarget.value);
            if (e.key === 'Escape') setRenaming(false);
          }}
          onBlur={(e) => rename(e.currentTarget.value)}
          data-testid="workspace-rename-input"
        />
      ) : (
        <button
          type="button"
          className="workspace-open"
          aria-current={current ? 'true' : undefined}
          disabled={current}
          onClick={() => void openWorkspace(w.id)}
        >
          <span className="workspace-title">{title}</span>
          <span className="muted">
            {t('workspace.meta', { files: w.files, when })}
            {current ? ` · ${t('workspace.current')}` : ''}
          </span>
        </button>
      )}
      <button type="button" onClick={() => setRenaming(true)} aria-label={t('workspace.rename', { title })}>
        ✎
      </button>
      {!current && (
        <button
          type="button"
          aria-label={t('workspace.delete', { title })}
          onClick={() => {
            if (window.confirm(t('workspace.delete.confirm', { title }))) void deleteWorkspace(w.id);
          }}
        >
          ✕
        </button>
      )}
    </li>
  );
}

export function WorkspaceMenu() {
  const t = useT();
  const locale = useStore(selectLocale);
  const { id, name, scenarioId, list } = useStore(
    useShallow((s) => ({
      id: s.workspaceId,
      name: s.workspaceName,
      scenarioId: s.scenarioId,
      list: s.workspaceList,
    })),
  );
  const [open, setOpen] = useState(false);
  const title = workspaceTitle({ name, scenarioId }, locale, t('workspace.untitled'));
  // The open workspace first, even before its first save lists it.
  const rows = list.some((w) => w.id === id)
    ? list
    : [{ id, name, scenarioId, files: 1, updated: 0 }, ...list];
  return (
    <div className="workspace-menu">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="workspace-menu"
        // The name is cut with an ellipsis in a narrow header (a Korean title at 1280×720): whole here.
        title={`${title} · ${t('workspace.menu.title')}`}
      >
        {t('workspace.label')}: <strong>{title}</strong> ▾
      </button>
      {open && (
        <div
          className="workspace-panel"
          role="dialog"
          aria-label={t('workspace.list')}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          <p className="muted">{t('workspace.help')}</p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              newWorkspace();
              setOpen(false);
            }}
            data-testid="workspace-new"
          >
            + {t('workspace.new')}
          </button>
          <ul className="workspace-list" aria-label={t('workspace.list')}>
            {rows.map((w) => (
              <Row key={w.id} w={w} current={w.id === id} />
            ))}
          </ul>
          <button type="button" onClick={() => setOpen(false)}>
            {t('workspace.close')}
          </button>
        </div>
      )}
    </div>
  );
}
