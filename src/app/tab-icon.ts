/**
 * The tab's icon, given once the first graph is drawn (issue 17, cold load). Declared in index.html, it
 * was fetched and decoded when the page's load event fired, which on two busy cores came before the
 * first graph: for an SVG icon Chromium builds a document of its own on the page's main thread (11–30 ms
 * of it before the graph in each of three traced cold loads), and the browser process stores the icon.
 * index.html declares an empty icon (`data:,`) until then, so that the browser does not ask for
 * /favicon.ico instead.
 *
 * @example
 * void afterFirstGraph().then(() => showTabIcon(document));
 */
export const TAB_ICON = '/favicon.svg';

/** Points the page's icon link at the app's icon (made if the page has none); once is enough. */
export function showTabIcon(doc: Document): void {
  let link = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = doc.createElement('link');
    link.rel = 'icon';
    doc.head.append(link);
  }
  if (link.getAttribute('href') === TAB_ICON) return;
  link.type = 'image/svg+xml';
  link.href = TAB_ICON;
}
