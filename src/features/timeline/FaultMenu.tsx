/**
 * The graph's context menu (right click, or Shift+F10 / the menu key on a focused element): the faults
 * that can happen to a node or a pod, each the console line that makes it, at the instant shown. A menu
 * as WAI-ARIA's menu pattern: focus on the first item, arrows move, Escape closes and gives focus back.
 */
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { formatDuration } from '../../engine';
import { useT } from '../../i18n';
import { selectCluster, useStore, type ElementMenu } from '../../store';
import { faultActions } from './fault-actions';
import { runFault } from './run-fault';

/** For the graph: opens the menu for an element (its id) at a point of the screen. */
export const openFaultMenu = (menu: ElementMenu) => useStore.getState().openElementMenu(menu);

export function FaultMenu() {
  const t = useT();
  const menu = useStore((s) => s.elementMenu);
  const cluster = useStore(selectCluster);
  const at = useStore((s) => s.sceneAt);
  const close = useStore((s) => s.openElementMenu);
  const host = useRef<HTMLDivElement>(null);
  const back = useRef<Element | null>(null);
  const actions = menu ? faultActions(menu.id, cluster) : [];

  // Kept inside the window: measured once drawn (items whose command wraps are taller than a guess), the
  // menu moves up or left of the point when it would cross the window's bottom or right edge.
  useLayoutEffect(() => {
    const el = host.current;
    if (!menu || !el) return;
    const box = el.getBoundingClientRect();
    el.style.left = `${Math.max(4, Math.min(menu.x, window.innerWidth - 4 - box.width))}px`;
    el.style.top = `${Math.max(4, Math.min(menu.y, window.innerHeight - 4 - box.height))}px`;
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    back.current = document.activeElement;
    host.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (e: PointerEvent) => {
      if (!host.current?.contains(e.target as Node)) close(null);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [menu, close]);

  if (!menu || actions.length === 0) return null;
  const name = menu.id.split('/').at(-1) ?? menu.id;

  const dismiss = () => {
    close(null);
    if (back.current instanceof HTMLElement) back.current.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(host.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const go = (k: number) => items[(k + items.length) % items.length]?.focus();
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      dismiss();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      go(i + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      go(i - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      go(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      go(-1);
    }
  };
  // Where the pointer was; the layout effect above moves it into the window before it is painted.
  const style = { left: menu.x, top: menu.y };

  return (
    <div
      ref={host}
      className="fault-menu"
      role="menu"
      aria-label={t('fault.menu', { name })}
      style={style}
      onKeyDown={onKeyDown}
      data-testid="fault-menu"
    >
      <p className="fault-menu-title" aria-hidden="true">
        {t('fault.menu', { name })}{' '}
        <span className="muted">{t('fault.when', { at: formatDuration(at) })}</span>
      </p>
      {actions.map((a) => (
        <button
          key={a.line}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="fault-menu-item"
          onClick={() => {
            dismiss();
            void runFault(a.line);
          }}
        >
          <span>{t(a.label)}</span>
          <code>{a.line}</code>
        </button>
      ))}
    </div>
  );
}
