/**
 * Where the graph's camera goes. Normally it fits the whole scene. Presenting, the labels must stay
 * readable from the back of a room: when fitting everything would shrink them below `minZoom`, the camera
 * follows the packet's neighbourhood (the place it is at and the place it goes next; before the packet
 * leaves, the whole route it will take) at `minZoom` instead, as much of it from its start as fits, kept
 * inside the scene so no empty half-screen shows. Pure: boxes in, a viewport out.
 *
 * @example
 * cameraFor({ scene, focus: [podBox, proxyBox], view: { width: 800, height: 560 }, minZoom: 1 });
 * // → { x: -412, y: -40, zoom: 1, follows: true } when the scene is wider than 800 units
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Camera {
  /** React Flow's viewport: screen = graph × zoom + (x, y). */
  x: number;
  y: number;
  zoom: number;
  /** The whole scene did not fit at a readable zoom: the camera follows the focus. */
  follows: boolean;
}

export interface CameraInput {
  scene: Box;
  /** The boxes to keep in view when the scene does not fit (empty: the scene's top left). */
  focus: readonly Box[];
  view: { width: number; height: number };
  /** The smallest zoom at which the smallest label is still readable. */
  minZoom: number;
  /** The largest zoom fitting may use (a small scene is not blown up past it). */
  maxZoom?: number;
  /** Space around the fitted scene, as a fraction of its size. */
  padding?: number;
}

/** The smallest box holding all the given boxes. */
export function union(boxes: readonly Box[]): Box | null {
  if (!boxes.length) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** The centre coordinate on one axis: on the focus, but not so near an edge that the view leaves the scene. */
function centreOn(focusMid: number, sceneStart: number, sceneSize: number, visible: number): number {
  if (sceneSize <= visible) return sceneStart + sceneSize / 2;
  return Math.min(sceneStart + sceneSize - visible / 2, Math.max(sceneStart + visible / 2, focusMid));
}

export function cameraFor({
  scene,
  focus,
  view,
  minZoom,
  maxZoom = 1.6,
  padding = 0.04,
}: CameraInput): Camera {
  const w = Math.max(1, scene.width * (1 + 2 * padding));
  const h = Math.max(1, scene.height * (1 + 2 * padding));
  const fit = Math.min(view.width / w, view.height / h, Math.max(maxZoom, minZoom));
  if (fit >= minZoom - 1e-9) {
    const cx = scene.x + scene.width / 2;
    const cy = scene.y + scene.height / 2;
    return { x: view.width / 2 - cx * fit, y: view.height / 2 - cy * fit, zoom: fit, follows: false };
  }
  const zoom = minZoom;
  const visibleW = view.width / zoom;
  const visibleH = view.height / zoom;
  // Keep the whole focus in view when it fits; otherwise as much of it from its first box (where the
  // packet is, or a route's source) as fits.
  let target: Box = focus[0] ?? { ...scene, width: 0, height: 0 };
  for (let n = focus.length; n > 1; n--) {
    const some = union(focus.slice(0, n))!;
    if (some.width <= visibleW && some.height <= visibleH) {
      target = some;
      break;
    }
  }
  const cx = centreOn(target.x + target.width / 2, scene.x, scene.width, visibleW);
  const cy = centreOn(target.y + target.height / 2, scene.y, scene.height, visibleH);
  return { x: view.width / 2 - cx * zoom, y: view.height / 2 - cy * zoom, zoom, follows: true };
}
