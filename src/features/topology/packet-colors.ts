/**
 * How a packet's state is drawn on the overlay: a colour (each at least 3:1 against the pane and against
 * the white ring and mark drawn on it, WCAG 1.4.11; e2e/contrast.spec.ts measures them) and a mark, so
 * no state is told by colour alone: a packet on its way is a plain dot, an arrived one carries ✓, a
 * dropped or failed one ✕, a refused one (a reset or an ICMP reject) a bar, like a no-entry sign.
 *
 * @example
 * PACKET_MARK.delivered; // "tick"
 */
import type { PacketPosition } from '../../store';

type State = PacketPosition['state'];

export const PACKET_COLORS: Record<State, string> = {
  moving: '#1d4ed8',
  delivered: '#15803d',
  dropped: '#b91c1c',
  rejected: '#c2410c',
  failed: '#b91c1c',
};

export const PACKET_MARK: Record<State, 'none' | 'tick' | 'cross' | 'bar'> = {
  moving: 'none',
  delivered: 'tick',
  dropped: 'cross',
  rejected: 'bar',
  failed: 'cross',
};
