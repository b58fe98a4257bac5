/**
 * The messages between PacketOverlay and its painter worker (packet-draw.worker.ts). To the worker: the
 * canvas once, a burst's routes once per Send, and changes to the view (only the fields that changed:
 * in a playing frame that is the playhead alone). From it: the paints' durations, in batches.
 */
import type { PacketRoutes, PacketView } from './packet-paint';

export type ToPainter =
  | { kind: 'canvas'; canvas: OffscreenCanvas }
  | { kind: 'routes'; routes: PacketRoutes | null }
  | { kind: 'view'; view: Partial<PacketView> };

export type FromPainter = { kind: 'draws'; ms: number[] };
