/**
 * The header's Share button, Share ▾: one menu for everything that takes the scene out of the page. A link that carries the whole
 * scene (store/link-codec.ts); and, for teaching, the graph as PNG or SVG (slides), the followed
 * request's trace as Markdown or JSON (handouts; the JSON is what `curl -o json` prints), the console's
 * screen as text. Every file is made in the page and saved through the save dialog or a download:
 * nothing is uploaded. An entry that has nothing to save yet says why when chosen.
 *
 * Where the clipboard is refused (an http page on a classroom's network, a denied permission), the link
 * is shown selected, to copy by hand; a scene too large for a link says to download its files instead.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { fileNameFor, MAX_LINK_CHARS, saveFile, shareFragment, useStore } from '../../store';
import './share.css';

type Shown =
  | { kind: 'copied' }
  | { kind: 'manual'; url: string }
  | { kind: 'tooLong'; size: number }
  | { kind: 'said'; text: string; bad?: boolean }
  | null;

type ExportId = 'graphPng' | 'graphSvg' | 'traceMd' | 'traceJson' | 'console';

interface Item {
  id: 'link' | ExportId;
  label: MessageKey;
  /** Why there is nothing to save yet (the item stays in the menu, and says so when chosen). */
  missing?: MessageKey;
}

/** The base of every exported file's name: the workspace's name, or "svclab". */
const baseName = () => fileNameFor(useStore.getState().workspaceName ?? 'svclab', '');

/** Makes one export's file: its name, its contents and their type. */
async function makeExport(id: ExportId): Promise<{ name: string; data: Blob | string; type: string }> {
  const s = useStore.getState();
  const base = baseName();
  switch (id) {
    case 'graphPng':
    case 'graphSvg': {
      const { graphImage } = await import('./export-graph');
      const png = id === 'graphPng';
      return {
        name: `${base}-graph.${png ? 'png' : 'svg'}`,
        data: await graphImage(png ? 'png' : 'svg'),
        type: png ? 'image/png' : 'image/svg+xml',
      };
    }
    case 'traceMd':
    case 'traceJson': {
      const { traceJson, traceMarkdown } = await import('./trace-export');
      return id === 'traceMd'
        ? {
            name: `${base}-trace.md`,
            data: traceMarkdown(s.traces, s.focus, s.locale),
            type: 'text/markdown',
          }
        : { name: `${base}-trace.json`, data: traceJson(s.traces, s.locale), type: 'application/json' };
    }
    case 'console': {
      const { consoleTranscript } = await import('./transcript');
      return {
        name: `${base}-console.txt`,
        data: consoleTranscript(s.consoleEntries, s.locale),
        type: 'text/plain',
      };
    }
  }
}

export function ShareButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<Shown>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const hasTrace = useStore((s) => s.traces.length > 0);
  const hasConsole = useStore((s) => s.consoleEntries.length > 0);
  const hasGraph = useStore((s) => s.lastGood !== null);

  const items: Item[] = [
    { id: 'link', label: 'share.link' },
    { id: 'graphPng', label: 'export.graphPng', missing: hasGraph ? undefined : 'export.noGraph' },
    { id: 'graphSvg', label: 'export.graphSvg', missing: hasGraph ? undefined : 'export.noGraph' },
    { id: 'traceMd', label: 'export.traceMd', missing: hasTrace ? undefined : 'export.noTrace' },
    { id: 'traceJson', label: 'export.traceJson', missing: hasTrace ? undefined : 'export.noTrace' },
    { id: 'console', label: 'export.console', missing: hasConsole ? undefined : 'export.noConsole' },
  ];

  // "Copied" and "Saved" are said, then get out of the way; a link to copy by hand stays until closed.
  useEffect(() => {
    if (shown?.kind !== 'copied' && !(shown?.kind === 'said' && !shown.bad)) return;
    const timer = setTimeout(() => setShown(null), 6000);
    return () => clearTimeout(timer);
  }, [shown]);

  // Open: focus on the first entry; a click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const share = async () => {
    const url = `${location.origin}${location.pathname}#${await shareFragment()}`;
    if (url.length > MAX_LINK_CHARS) return setShown({ kind: 'tooLong', size: url.length });
    try {
      await navigator.clipboard.writeText(url);
      setShown({ kind: 'copied' });
    } catch {
      setShown({ kind: 'manual', url });
    }
  };

  const choose = async (item: Item) => {
    close(true);
    if (item.missing) return setShown({ kind: 'said', text: t(item.missing) });
    if (item.id === 'link') return share();
    let name = `${baseName()}-${item.id}`;
    try {
      const file = await makeExport(item.id);
      name = file.name;
      const how = await saveFile(file.name, file.data, file.type);
      if (how !== 'cancelled') setShown({ kind: 'said', text: t('export.saved', { name }) });
    } catch (e) {
      const detail =
        e instanceof Error && e.name === 'NoGraphError'
          ? t('export.noGraph')
          : String((e as Error)?.message ?? e);
      setShown({ kind: 'said', text: t('export.failed', { name, detail }), bad: true });
    }
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      e.preventDefault();
      entries[(i + entries.length) % entries.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(entries.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  const entry = (item: Item) => (
    <li role="none" key={item.id}>
      <button
        type="button"
        role="menuitem"
        aria-disabled={item.missing ? true : undefined}
        title={item.missing ? t(item.missing) : undefined}
        onClick={() => void choose(item)}
        data-testid={`share-${item.id}`}
      >
        {t(item.label)}
      </button>
    </li>
  );

  return (
    <div className="share">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'share-menu' : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        title={t('share.menu')}
        data-testid="share"
      >
        {t('share.button')} <span aria-hidden>▾</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id="share-menu"
          className="share-menu"
          role="menu"
          aria-label={t('share.menu')}
          onKeyDown={onMenuKey}
        >
          {entry(items[0]!)}
          <li role="presentation" className="share-menu-group" aria-hidden>
            {t('share.export')}
          </li>
          {items.slice(1).map(entry)}
        </ul>
      )}
      <div role="status" className="share-status" data-testid="share-status">
        {shown && (
          <div className={shown.kind === 'said' && shown.bad ? 'share-popup bad' : 'share-popup'}>
            {shown.kind === 'copied' && t('share.copied')}
            {shown.kind === 'tooLong' && t('share.tooLong', { size: shown.size })}
            {shown.kind === 'said' && shown.text}
            {shown.kind === 'manual' && (
              <label>
                {t('share.copyFailed')}
                <input
                  readOnly
                  autoFocus
                  value={shown.url}
                  onFocus={(e) => e.currentTarget.select()}
                  data-testid="share-url"
                />
              </label>
            )}{' '}
            <button type="button" onClick={() => setShown(null)}>
              {t('save.dismiss')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
