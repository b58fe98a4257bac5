/**
 * The engine's descriptors on the page: rendered in the current language where they are shown, each
 * element carrying the message id it came from (`data-msg-id`) so tests and curious readers can tell a
 * catalogue message from raw text.
 *
 * The catalogue loads apart (message-catalogue.ts, cold load: issue 17): the first component that renders
 * a message before it is in suspends until it is (React's `use`), so its Suspense boundary waits for the
 * words rather than showing the ids. The page loads it anyway once the first graph is drawn
 * (`loadMessages`, app/panels.tsx), before a student reaches the panels that show messages.
 *
 * @example <Message m={trace.explanation} as="p" data-testid="explanation" />
 */
import { use, useCallback, type HTMLAttributes } from 'react';
import type { Msg } from '../engine';
import { selectLocale, useStore } from '../store';
import type * as CatalogueModule from './message-catalogue';

type Catalogue = typeof CatalogueModule;

let catalogue: Catalogue | null = null;
let loading: Promise<Catalogue> | null = null;

/** Loads the catalogue once (a failed load is tried again by the next call). */
export function loadMessages(): Promise<Catalogue> {
  loading ??= import('./message-catalogue').then(
    (m) => (catalogue = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The catalogue, while a component renders: at once when it is in, else that component suspends. */
function renderingCatalogue(): Catalogue {
  // `use` may be called in a condition or a helper, as long as a component is rendering: every caller
  // below is part of a render (useRender's function is called by the component's render).
  // eslint-disable-next-line react-hooks/rules-of-hooks
  return catalogue ?? use(loadMessages());
}

/**
 * `const r = useRender(); r(hop.note)`: a descriptor (or a tool's own string) in the current language.
 * Call `r` while rendering (it may suspend the component until the catalogue is in).
 */
export function useRender(): (m: Msg | string) => string {
  const locale = useStore(selectLocale);
  return useCallback(
    (m: Msg | string) => (typeof m === 'string' ? m : renderingCatalogue().render(m, locale)),
    [locale],
  );
}

type MessageProps = { m: Msg; as?: 'p' | 'span' | 'div' } & HTMLAttributes<HTMLElement>;

/** One descriptor as an element in the current language, tagged with its id. */
export function Message({ m, as: Tag = 'span', ...rest }: MessageProps) {
  const locale = useStore(selectLocale);
  const { render } = renderingCatalogue();
  return (
    <Tag {...rest} data-msg-id={m.id}>
      {render(m, locale)}
    </Tag>
  );
}
