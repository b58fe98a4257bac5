/**
 * The engine's descriptors on the page: rendered in the current language where they are shown, each
 * element carrying the message id it came from (`data-msg-id`) so tests and curious readers can tell a
 * catalogue message from raw text.
 *
 * @example <Message m={trace.explanation} as="p" data-testid="explanation" />
 */
import { useCallback, type HTMLAttributes } from 'react';
import { render, renderText, type Msg } from '../engine';
import { selectLocale, useStore } from '../store';

/** `const r = useRender(); r(hop.note)`: a descriptor (or a tool's own string) in the current language. */
export function useRender(): (m: Msg | string) => string {
  const locale = useStore(selectLocale);
  return useCallback((m: Msg | string) => renderText(m, locale), [locale]);
}

type MessageProps = { m: Msg; as?: 'p' | 'span' | 'div' } & HTMLAttributes<HTMLElement>;

/** One descriptor as an element in the current language, tagged with its id. */
export function Message({ m, as: Tag = 'span', ...rest }: MessageProps) {
  const locale = useStore(selectLocale);
  return (
    <Tag {...rest} data-msg-id={m.id}>
      {render(m, locale)}
    </Tag>
  );
}
