import { describe, expect, it } from 'vitest';
import type { Hop, Trace } from '../../engine/trace';
import { hopLabel, isNat } from './hop-label';
import { diffEndpoint, splitEndpoint } from './packet-diff';
import { tally } from './tally';

describe('packet diff', () => {
  it('splits address and port, and bare ICMP addresses', () => {
    expect(splitEndpoint('10.244.1.5:8080')).toEqual({ ip: '10.244.1.5', port: '8080' });
    expect(splitEndpoint('10.96.0.10')).toEqual({ ip: '10.96.0.10', port: '' });
  });
  it('marks what DNAT and SNAT rewrote', () => {
    expect(diffEndpoint('10.96.0.10:80', '10.244.1.5:8080')).toEqual({ ip: true, port: true });
    expect(diffEndpoint('203.0.113.10:41234', '10.0.0.12:41234')).toEqual({ ip: true, port: false });
    expect(diffEndpoint('10.0.0.12:30080', '10.0.0.12:30080')).toEqual({ ip: false, port: false });
    expect(diffEndpoint(undefined, '10.0.0.12:30080')).toEqual({ ip: false, port: false });
  });
});

describe('tally', () => {
  const t = (pod: string | null, outcome: Trace['outcome'] = 'delivered'): Trace => ({
    outcome,
    explanation: { id: 'sim.loop', params: {} },
    response: null,
    backend: pod ? { pod, ip: '10.244.1.5', port: 8080, service: 'default/web' } : null,
    sourceSeenByBackend: null,
    hops: [],
  });
  it('counts per pod, failures by outcome, most first', () => {
    expect(tally([t('default/b'), t('default/a'), t('default/b'), t(null, 'timeout')])).toEqual([
      { label: 'default/b', count: 2, ok: true },
      { label: 'default/a', count: 1, ok: true },
      { label: 'timeout', count: 1, ok: false },
    ]);
  });
});

describe('hop labels', () => {
  const hop = (action: Hop['action'], rewrite?: Hop['rewrite']): Hop => ({
    stage: 'kube-proxy',
    location: 'node/node-1',
    action,
    packet: { src: '10.244.1.5:8080', dst: '10.244.2.3:5000', protocol: 'TCP' },
    ...(rewrite ? { rewrite } : {}),
  });
  it('highlights addresses only for NAT, never for a new packet, a reply or a proxy', () => {
    expect(['dnat', 'snat', 'dnat+snat', 'un-nat'].map((r) => isNat(hop('forward', r as never)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['new', 'reply', 'proxy', 'none'].some((r) => isNat(hop('dnat', r as never)))).toBe(false);
    expect(isNat(hop('dnat'))).toBe(false);
  });
  it('heads a hop with its rewrite, or its action when the packet passed unchanged', () => {
    expect(hopLabel(hop('dnat', 'dnat+snat'))).toEqual({ kind: 'dnat+snat', key: 'rewrite.dnat+snat' });
    expect(hopLabel(hop('forward', 'un-nat')).key).toBe('rewrite.un-nat');
    expect(hopLabel(hop('drop', 'none'))).toEqual({ kind: 'drop', key: 'action.drop' });
    expect(hopLabel(hop('deliver'))).toEqual({ kind: 'deliver', key: 'action.deliver' });
  });
});
