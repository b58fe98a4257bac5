/**
 * The graph as an image for slides, drawn from the page's own React Flow viewport by html-to-image (the
 * way React Flow's "download image" example does it): the whole graph at zoom 1 whatever the user's
 * zoom and pan, on the graph's background, PNG at twice the pixels for a projector. The image is made in
 * the page: no request leaves it. The graph's text is in the system's fonts (styles.css --sans/--mono),
 * so there is no web font to inline; passing no font CSS also keeps Monaco's icon font, which
 * html-to-image would otherwise fetch and inline, out of every image.
 *
 * @example
 * const png = await graphImage('png'); // Blob image/png, about 2 × (graph width + 48) pixels wide
 */

/** Room around the graph, in graph pixels. */
const PAD = 24;
/** PNG pixels per graph pixel: sharp on a projector and in a slide. */
export const PNG_SCALE = 2;

export class NoGraphError extends Error {
  constructor() {
    super('no graph');
    this.name = 'NoGraphError';
  }
}

/** The React Flow viewport's zoom, from its transform ("translate(10px, 4px) scale(0.8)"). */
const zoomOf = (viewport: HTMLElement) => {
  const m = /scale\(([\d.]+)\)/.exec(viewport.style.transform);
  const z = m ? Number(m[1]) : 1;
  return z > 0 ? z : 1;
};

/** The graph's extent in graph pixels (zoom 1): every node and edge, whatever is on screen. */
export function graphBounds(viewport: HTMLElement): { x: number; y: number; width: number; height: number } {
  const zoom = zoomOf(viewport);
  const origin = viewport.getBoundingClientRect();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const el of viewport.querySelectorAll('.react-flow__node, .react-flow__edge')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    minX = Math.min(minX, (r.left - origin.left) / zoom);
    minY = Math.min(minY, (r.top - origin.top) / zoom);
    maxX = Math.max(maxX, (r.right - origin.left) / zoom);
    maxY = Math.max(maxY, (r.bottom - origin.top) / zoom);
  }
  if (!Number.isFinite(minX)) throw new NoGraphError();
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The graph as a PNG or SVG file's contents. */
export async function graphImage(kind: 'png' | 'svg'): Promise<Blob> {
  const host = document.querySelector<HTMLElement>('[data-testid="topology"]');
  const viewport = host?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!host || !viewport) throw new NoGraphError();
  const b = graphBounds(viewport);
  const width = Math.ceil(b.width + 2 * PAD);
  const height = Math.ceil(b.height + 2 * PAD);
  const background = getComputedStyle(host).backgroundColor;
  const { toBlob, toSvg } = await import('html-to-image');
  const options = {
    width,
    height,
    backgroundColor: background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff',
    fontEmbedCSS: '',
    pixelRatio: PNG_SCALE,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${PAD - b.x}px, ${PAD - b.y}px) scale(1)`,
    },
  };
  if (kind === 'png') {
    const png = await toBlob(viewport, options);
    if (!png) throw new Error('the browser made no image');
    return png;
  }
  const url = await toSvg(viewport, options);
  const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`], { type: 'image/svg+xml' });
}
