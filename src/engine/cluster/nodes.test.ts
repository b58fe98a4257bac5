import { describe, expect, it } from 'vitest';
import type { Node } from '../k8s/objects';
import { nodeInternalIP, nodeZone } from '../k8s/node';
import { buildNodes } from './nodes';
import { DEFAULT_CONFIG } from './state';

describe('buildNodes', () => {
  it('makes three default nodes in two zones with /24 podCIDRs', () => {
    const { nodes } = buildNodes([], DEFAULT_CONFIG);
    expect(nodes.map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(nodes.map(nodeZone)).toEqual(['zone-a', 'zone-a', 'zone-b']);
    expect(nodes.map(nodeInternalIP)).toEqual(['192.168.49.2', '192.168.49.3', '192.168.49.4']);
    expect(nodes.map((n) => n.spec?.podCIDR)).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
    expect(nodes[0]!.metadata.labels!['kubernetes.io/hostname']).toBe('node-1');
  });

  it('keeps given addresses and CIDRs and carves around them', () => {
    const a: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'a' },
      spec: { podCIDR: '10.244.0.0/24' },
      status: { addresses: [{ type: 'InternalIP', address: '10.0.0.5' }] },
    };
    const b: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'b', labels: { 'topology.kubernetes.io/zone': 'z' } },
    };
    const { nodes } = buildNodes([{ object: a }, { object: b }], {
      ...DEFAULT_CONFIG,
      podSubnet: '10.244.0.0/16',
    });
    expect(nodes.map((n) => n.spec?.podCIDR)).toEqual(['10.244.0.0/24', '10.244.1.0/24']);
    expect(nodes.map(nodeInternalIP)).toEqual(['10.0.0.5', '192.168.49.2']);
    expect(nodeZone(nodes[1]!)).toBe('z');
    expect(a.spec?.podCIDRs).toBeUndefined(); // input not mutated
  });
});
