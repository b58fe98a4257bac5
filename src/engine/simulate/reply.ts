/**
 * The way back: the responder answers, and the reply retraces the request's path in reverse. At every node
 * that tracked the flow, the reply is matched against the conntrack entry's reply tuple and un-NATed
 * from it (the DNAT's source rewrite back to the Service address, the SNAT's destination back to the
 * client); the cloud LB reverses its own translation. Internal to simulate/.
 */
import { joinHostPort } from '../net/ip6';
import { msg, type Msg } from '../messages';
import { reversed, type Packet } from '../net/packet';
import { ctLookup, ctReplySeen, formatEntry } from './conntrack';
import { addReplyHop, samePacket, tally, type Ctx } from './context';

function unNatNote(p: Packet, next: Packet): Msg {
  const src =
    p.src !== next.src || p.srcPort !== next.srcPort
      ? [joinHostPort(p.src, p.srcPort), joinHostPort(next.src, next.srcPort)]
      : null;
  const dst =
    p.dst !== next.dst || p.dstPort !== next.dstPort
      ? [joinHostPort(p.dst, p.dstPort), joinHostPort(next.dst, next.dstPort)]
      : null;
  return msg('sim.hop.unNat', { src, dst });
}

/** Walks the reply from `responderLocation` back to `clientLocation`; returns the packet the client gets. */
export function walkReply(
  ctx: Ctx,
  arrived: Packet,
  responder: { stage: 'pod' | 'node'; location: string },
  clientLocation: string,
): Packet {
  const { world } = ctx;
  // A tally records no reply hop: the reply only updates conntrack, as it does for a full trace.
  const record = !tally(ctx);
  let p = reversed(arrived);
  addReplyHop(ctx, { stage: responder.stage, location: responder.location, action: 'respond' }, p);
  for (let i = ctx.back.length - 1; i >= 0; i--) {
    const step = ctx.back[i]!;
    if (step.kind === 'link') {
      if (!record) continue;
      const l = step.link;
      addReplyHop(
        ctx,
        {
          stage: 'network',
          location: l.to,
          action: 'forward',
          crossZone: l.crossZone,
          note: step.reverseNote,
        },
        p,
      );
    } else if (step.kind === 'lb') {
      p = reversed(step.clientPacket);
      addReplyHop(
        ctx,
        {
          stage: 'cloud-lb',
          location: step.location,
          action: 'forward',
          note: msg('sim.hop.lbReply', {}),
        },
        p,
      );
    } else {
      const hit = ctLookup(world.conntrack, step.node, p, world.clock);
      const entry = hit?.direction === 'reply' ? hit.entry : step.entry;
      ctReplySeen(entry, world.clock);
      const next = reversed(entry.orig);
      if (record && !samePacket(next, p)) {
        addReplyHop(
          ctx,
          {
            stage: 'kube-proxy',
            location: `node/${step.node}`,
            action: 'forward',
            rule: `conntrack: ${formatEntry(entry, world.clock)}`,
            note: unNatNote(p, next),
          },
          next,
        );
      }
      p = next;
    }
  }
  addReplyHop(ctx, { stage: 'client', location: clientLocation, action: 'deliver' }, p);
  return p;
}
