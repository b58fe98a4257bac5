import { describe, expect, it } from 'vitest';
import type { Hop } from '../trace';
import { rewriteOf, withRewrites } from './rewrites';

const hop = (
  stage: Hop['stage'] | 'gateway',
  action: Hop['action'],
  src: string,
  dst: string,
  more: Partial<Hop> = {},
): Hop => ({
  stage: stage as Hop['stage'],
  location: 'node/node-1',
  action,
  packet: { src, dst, protocol: 'TCP' },
  ...more,
});
const labels = (hops: Hop[]) => withRewrites(hops).map((h) => h.rewrite);

describe('rewriteOf', () => {
  it('labels what NAT rewrote: destination, source or both, by the packets and not by the action', () => {
    const sent = hop('client', 'send', '10.244.2.3:5000', '10.96.0.20:80');
    expect(rewriteOf(hop('kube-proxy', 'dnat', '10.244.2.3:5000', '10.244.1.5:8080'), sent)).toBe('dnat');
    expect(rewriteOf(hop('kube-proxy', 'snat', '10.0.0.12:6000', '10.96.0.20:80'), sent)).toBe('snat');
    // An IP-mode load balancer without client IP preservation: labelled "dnat" by its action, both changed.
    expect(rewriteOf(hop('cloud-lb', 'dnat', '198.51.100.1:7000', '10.244.1.5:8080'), sent)).toBe(
      'dnat+snat',
    );
    // A "dnat" action that did not change the packet rewrote nothing.
    expect(rewriteOf(hop('kube-proxy', 'dnat', '10.244.2.3:5000', '10.96.0.20:80'), sent)).toBe('none');
    expect(rewriteOf(hop('network', 'forward', '10.244.2.3:5000', '10.96.0.20:80'), sent)).toBe('none');
  });

  it('a packet that starts a flow is new: the first hop, a send, the request after the DNS answer', () => {
    const dnsAnswer = hop('client', 'deliver', '10.96.0.10:53', '10.244.2.3:4000', {
      phase: 'dns',
      direction: 'reply',
    });
    const request = hop('client', 'send', '10.244.2.3:5000', '10.96.0.20:80', { phase: 'request' });
    expect(rewriteOf(request, dnsAnswer)).toBe('new');
    expect(rewriteOf({ ...request, action: 'forward' }, dnsAnswer)).toBe('new');
    expect(rewriteOf(request, undefined)).toBe('new');
  });

  it('a reply is a reply (src/dst swapped), and conntrack undoing the NAT on the way back is un-nat', () => {
    const delivered = hop('pod', 'deliver', '10.244.2.3:5000', '10.244.1.5:8080', { direction: 'request' });
    const reply = hop('pod', 'respond', '10.244.1.5:8080', '10.244.2.3:5000', { direction: 'reply' });
    const unnat = hop('kube-proxy', 'forward', '10.96.0.20:80', '10.244.2.3:5000', { direction: 'reply' });
    const unchanged = hop('network', 'forward', '10.244.1.5:8080', '10.244.2.3:5000', {
      direction: 'reply',
    });
    expect(labels([delivered, reply, unchanged, unnat])).toEqual(['new', 'reply', 'none', 'un-nat']);
    // The first hop of the way back is a reply even when the engine calls it something else.
    expect(rewriteOf({ ...reply, action: 'forward' }, delivered)).toBe('reply');
  });

  it('a proxy opens its own connection: the ingress controller and a Gateway are proxies, not NAT', () => {
    const arrived = hop('pod', 'deliver', '203.0.113.10:5000', '10.244.2.2:443');
    expect(
      rewriteOf(hop('ingress-controller', 'forward', '10.244.2.2:6000', '10.244.2.3:9000'), arrived),
    ).toBe('proxy');
    expect(rewriteOf(hop('gateway', 'forward', '10.244.2.2:6000', '10.244.2.3:9000'), arrived)).toBe('proxy');
    // The proxied reply coming back to the proxy is delivered as it is.
    const back = hop('ingress-controller', 'deliver', '10.244.2.3:9000', '10.244.2.2:6000', {
      direction: 'reply',
    });
    expect(rewriteOf(back, { ...back, action: 'respond' })).toBe('none');
  });

  it('leaves the input hops unchanged', () => {
    const hops = [hop('client', 'send', 'a:1', 'b:2')];
    withRewrites(hops);
    expect(hops[0]!.rewrite).toBeUndefined();
  });
});
