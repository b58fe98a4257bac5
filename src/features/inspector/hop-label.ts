/**
 * A hop's headline in the inspector and the event list, from the engine's rewrite label
 * (engine/simulate/rewrites.ts): what happened to the packet, or, when it passed unchanged, what the
 * hop did (forward, deliver, DROP…).
 *
 * @example
 * hopLabel({ action: 'dnat', rewrite: 'dnat+snat', … }); // { kind: 'dnat+snat', key: 'rewrite.dnat+snat' }
 * isNat({ action: 'respond', rewrite: 'reply', … }); // false: a reply's swapped addresses are not NAT
 */
import type { Hop } from '../../engine';

/** Only NAT rewrites highlight addresses: a new packet, a reply or a proxy's connection is not a rewrite. */
export const isNat = (hop: Hop) =>
  hop.rewrite === 'dnat' || hop.rewrite === 'snat' || hop.rewrite === 'dnat+snat' || hop.rewrite === 'un-nat';

/** The hop's headline: what happened to the packet, or what the hop did when the packet passed unchanged. */
export function hopLabel(hop: Hop): { kind: string; key: string } {
  if (hop.rewrite && hop.rewrite !== 'none') return { kind: hop.rewrite, key: `rewrite.${hop.rewrite}` };
  return { kind: hop.action, key: `action.${hop.action}` };
}
