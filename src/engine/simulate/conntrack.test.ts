import { describe, expect, it } from 'vitest';
import type { Packet } from '../net/packet';
import {
  createConntrack,
  ctClose,
  ctCreate,
  ctEntries,
  ctExpire,
  ctKill,
  ctLookup,
  ctReplySeen,
  ctReset,
  CT_TIMEOUT,
} from './conntrack';

const pkt = (srcPort: number): Packet => ({
  src: '10.244.0.5',
  srcPort,
  dst: '10.96.0.10',
  dstPort: 80,
  protocol: 'TCP',
});
const natted = (p: Packet): Packet => ({ ...p, dst: '10.244.1.5', dstPort: 8080 });

describe('conntrack expiry', () => {
  it('a closed connection leaves after TIME_WAIT, not after the 24 h it had while established', () => {
    const ct = createConntrack();
    const e = ctCreate(ct, 'node-1', pkt(40000), natted(pkt(40000)), 0);
    ctReplySeen(e, 0.05);
    expect(e.expires).toBe(0.05 + CT_TIMEOUT.tcpEstablished);
    ctClose(ct, e, 1);
    expect(ctExpire(ct, 'node-1', 1 + CT_TIMEOUT.tcpTimeWait - 0.01)).toEqual([]);
    expect(ctExpire(ct, 'node-1', 1 + CT_TIMEOUT.tcpTimeWait)).toEqual([e]);
    expect(ctLookup(ct, 'node-1', pkt(40000), 1000)).toBeUndefined();
  });

  it('an entry refreshed past its first timeout stays; a reset one leaves after 10 s', () => {
    const ct = createConntrack();
    const kept = ctCreate(ct, 'node-1', pkt(40001), natted(pkt(40001)), 0);
    const reset = ctCreate(ct, 'node-1', pkt(40002), natted(pkt(40002)), 0);
    ctReplySeen(kept, 1); // ESTABLISHED: 24 h from now
    ctReset(ct, reset, 2);
    expect(ctExpire(ct, 'node-1', 12)).toEqual([reset]);
    expect(ctExpire(ct, 'node-1', CT_TIMEOUT.tcpSynSent + 1)).toEqual([]);
    expect(ctEntries(ct, 'node-1', CT_TIMEOUT.tcpSynSent + 1)).toEqual([kept]);
  });

  it('expires thousands of entries in creation order, each once, killed ones not at all', () => {
    const ct = createConntrack();
    const all = Array.from({ length: 3000 }, (_, i) =>
      ctCreate(ct, 'node-2', pkt(30000 + i), natted(pkt(30000 + i)), i * 0.1),
    );
    ctKill(ct, all[5]!);
    const gone = [
      ...ctExpire(ct, 'node-2', CT_TIMEOUT.tcpSynSent + 100),
      ...ctExpire(ct, 'node-2', CT_TIMEOUT.tcpSynSent + 1000),
    ];
    expect(gone).toEqual(all.filter((_, i) => i !== 5));
    expect(ctEntries(ct, 'node-2', 0)).toEqual([]);
    expect(ctExpire(ct, 'node-1', 1e9)).toEqual([]);
  });
});
