/**
 * The Linux IPVS schedulers (ipvsadm(8), net/netfilter/ipvs/ip_vs_*.c) over kube-proxy's real servers (all
 * weight 1), keeping their state between connections in ProxyState: rr's cursor, the active/inactive
 * connection counts lc/wlc/sed/nq/lblc use, lblc/lblcr's destination → server assignments, and the
 * persistence templates of `-p timeout` (ClientIP affinity).
 *
 * @example
 * const pick = scheduleIpvs(vs, serverState(state, 'node-1', vs.key), pkt, 0);
 * pick?.realServer; // "10.244.1.5:8080"
 */
import { joinHostPort } from '../../net/ip6';
import type { Candidate } from '../../trace';
import type { WalkPacket } from '../iptables/match';
import { IPVS_INACTIVE_SECONDS, type IpvsServerState, type ProxyState } from '../shared/proxy-state';
import type { IpvsVirtualServer } from '../shared/types';
import { msg, type Msg } from '../../messages';

export function serverState(state: ProxyState, node: string, key: string): IpvsServerState {
  let perNode = state.ipvs.get(node);
  if (!perNode) state.ipvs.set(node, (perNode = new Map()));
  let s = perNode.get(key);
  if (!s)
    perNode.set(key, (s = { rrCursor: -1, conns: new Map(), persistence: new Map(), locality: new Map() }));
  return s;
}

const rsKey = (rs: { ip: string; port: number }): string => joinHostPort(rs.ip, rs.port);

function counts(s: IpvsServerState, key: string, now: number): { active: number; inactive: number } {
  const c = s.conns.get(key);
  if (!c) return { active: 0, inactive: 0 };
  // Closed connections linger as inactive (TIME_WAIT) for a while, then leave the count.
  while (c.inactive.length > 0 && now - c.inactive[0]! > IPVS_INACTIVE_SECONDS) c.inactive.shift();
  return { active: c.active, inactive: c.inactive.length };
}

/** ip_vs_dest_conn_overhead: active connections weigh 256 times an inactive one. */
const overhead = (c: { active: number; inactive: number }): number => c.active * 256 + c.inactive;

/** The 256-bucket table sh/dh/mh fill round-robin over the real servers (weights are all 1). */
function hashBucket(keyIp: string, port: number | undefined, n: number): number {
  const parts = keyIp.split('.').map(Number);
  let addr = (((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0) as number;
  if (port !== undefined) addr = (addr + port) >>> 0;
  const bucket = Math.imul(addr, 2654435761) >>> 24; // ip_vs_sh_hashkey: golden-ratio multiply, top 8 bits
  return bucket % n;
}

export interface IpvsPick {
  index: number;
  realServer: string;
  why: Msg;
  /** The chance each real server had of being picked (1 for the deterministic schedulers). */
  chances: number[];
}

function leastBy(n: number, cost: (i: number) => number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (cost(i) < cost(best)) best = i;
  return best;
}

/** Chooses a real server for a new connection; undefined when the virtual server has none. */
export function scheduleIpvs(
  vs: IpvsVirtualServer,
  s: IpvsServerState,
  pkt: WalkPacket,
  now: number,
): IpvsPick | undefined {
  const rss = vs.realServers;
  const n = rss.length;
  if (n === 0) return undefined;
  const c = rss.map((rs) => counts(s, rsKey(rs), now));
  const onehot = (i: number): number[] => rss.map((_, j) => (j === i ? 1 : 0));
  const done = (index: number, why: Msg, chances = onehot(index)): IpvsPick => ({
    index,
    realServer: rsKey(rss[index]!),
    why,
    chances,
  });

  if (vs.persistent !== undefined) {
    const t = s.persistence.get(pkt.src);
    const i = t && t.expires > now ? rss.findIndex((rs) => rsKey(rs) === t.realServer) : -1;
    if (i >= 0) return done(i, msg('proxy.ipvs.persistence', { client: pkt.src, seconds: vs.persistent }));
  }
  let pick: IpvsPick;
  switch (vs.scheduler) {
    case 'rr':
    case 'wrr': {
      const i = (s.rrCursor + 1) % n;
      pick = done(i, msg('proxy.ipvs.rr', { after: s.rrCursor < 0 ? null : rsKey(rss[s.rrCursor % n]!) }));
      s.rrCursor = i;
      break;
    }
    case 'lc':
    case 'wlc': {
      const i = leastBy(n, (j) => overhead(c[j]!));
      pick = done(i, msg('proxy.ipvs.lc', {}));
      break;
    }
    case 'sed': {
      const i = leastBy(n, (j) => c[j]!.active + 1);
      pick = done(i, msg('proxy.ipvs.sed', {}));
      break;
    }
    case 'nq': {
      const idle = c.findIndex((x) => x.active === 0);
      pick =
        idle >= 0
          ? done(idle, msg('proxy.ipvs.nqIdle', {}))
          : done(
              leastBy(n, (j) => c[j]!.active + 1),
              msg('proxy.ipvs.nqBusy', {}),
            );
      break;
    }
    case 'sh':
      pick = done(hashBucket(pkt.src, undefined, n), msg('proxy.ipvs.sh', { ip: pkt.src }));
      break;
    case 'mh':
      // kube-proxy sets mh-port: "mh will work as source-hashing (sh), but with ports".
      pick = done(
        hashBucket(pkt.src, pkt.srcPort, n),
        msg('proxy.ipvs.mh', { ip: pkt.src, port: pkt.srcPort }),
      );
      break;
    case 'dh':
      pick = done(hashBucket(pkt.dst, undefined, n), msg('proxy.ipvs.dh', { ip: pkt.dst }));
      break;
    case 'lblc':
    case 'lblcr': {
      const a = s.locality.get(pkt.dst);
      const least = leastBy(n, (j) => overhead(c[j]!));
      const overloaded = (j: number): boolean => c[j]!.active > 1 && c.some((x) => x.active * 2 < 1);
      let i = a ? rss.findIndex((rs) => a.servers.includes(rsKey(rs))) : -1;
      if (i < 0 || overloaded(i)) {
        i = least;
        const servers = vs.scheduler === 'lblcr' && a ? [...a.servers, rsKey(rss[i]!)] : [rsKey(rss[i]!)];
        s.locality.set(pkt.dst, { servers, lastModified: now });
        pick = done(i, msg('proxy.ipvs.lblcAssigned', { ip: pkt.dst }));
      } else pick = done(i, msg('proxy.ipvs.lblcStays', { ip: pkt.dst }));
      break;
    }
    default: {
      const i = (s.rrCursor + 1) % n;
      s.rrCursor = i;
      pick = done(i, msg('proxy.ipvs.unknown', { scheduler: vs.scheduler }));
    }
  }
  if (vs.persistent !== undefined)
    s.persistence.set(pkt.src, { realServer: pick.realServer, expires: now + vs.persistent });
  return pick;
}

/** Counts a new connection on the chosen real server (UDP "connections" count as inactive, as IPVS shows them). */
export function openConnection(s: IpvsServerState, realServer: string, protocol: string, now: number): void {
  let c = s.conns.get(realServer);
  if (!c) s.conns.set(realServer, (c = { active: 0, inactive: [] }));
  if (protocol === 'tcp' || protocol === 'sctp') c.active++;
  else c.inactive.push(now);
}

/** The scheduler's view of every real server, as trace candidates. */
export function ipvsCandidates(
  vs: IpvsVirtualServer,
  s: IpvsServerState,
  pick: IpvsPick | undefined,
  now: number,
): Candidate[] {
  return vs.realServers.map((rs, i) => {
    const k = rsKey(rs);
    const cnt = counts(s, k, now);
    const cand: Candidate = {
      endpoint: k,
      probability: pick?.chances[i] ?? 0,
      state: `weight ${rs.weight}, active ${cnt.active}, inactive ${cnt.inactive}`,
    };
    if (rs.pod !== undefined) cand.pod = rs.pod;
    if (rs.node !== undefined) cand.node = rs.node;
    if (pick?.index === i) cand.chosen = true;
    return cand;
  });
}
