/**
 * The shown file's own actions (rename, apply earlier or later, remove) behind one "⋯" button, so the
 * file toolbar stays one row however many files and whatever the language. WAI-ARIA's menu button
 * pattern: Enter, Space or ↓ opens it on the first item (↑ on the last), arrows, Home and End move,
 * Escape or Tab closes it and gives focus back to the button; a click elsewhere closes it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface FileMenuItem {
  label: string;
  onSelect(): void;
  disabled?: boolean;
  testId?: string;
}

export function FileMenu({ label, items }: { label: string; items: FileMenuItem[] }) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const host = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuItems = () => [
    ...(host.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []),
  ];

  useEffect(() => {
    if (!open) return;
    const all = menuItems();
    (open === 'last' ? all.at(-1) : all[0])?.focus();
    const outside = (e: PointerEvent) => {
      if (!host.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  // Focus goes back to the button first, so an action that opens a field (rename) can take it from there.
  const choose = (item: FileMenuItem) => {
    if (item.disabled) return;
    close();
    item.onSelect();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const all = menuItems();
    const i = all.indexOf(document.activeElement as HTMLElement);
    const go = (k: number) => all[(k + all.length) % all.length]?.focus();
    const moves: Record<string, () => void> = {
      ArrowDown: () => go(i + 1),
      ArrowUp: () => go(i - 1),
      Home: () => go(0),
      End: () => go(-1),
      Escape: close,
      Tab: close,
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  };
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(e.key === 'ArrowUp' ? 'last' : 'first');
    }
  };

  return (
    <span className="file-menu" ref={host}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-label={label}
        title={label}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={onButtonKey}
        data-testid="file-menu"
      >
        ⋯
      </button>
      {open && (
        <div role="menu" aria-label={label} className="file-menu-list" onKeyDown={onMenuKey}>
          {items.map((item) => (
            <div
              key={item.label}
              role="menuitem"
              tabIndex={-1}
              aria-disabled={item.disabled || undefined}
              className="file-menu-item"
              onClick={() => choose(item)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                choose(item);
              }}
              data-testid={item.testId}
            >
              {item.label}
            </div>
          ))}
        </div>
      )}
    </span>
  );
}
