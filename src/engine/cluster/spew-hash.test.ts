import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { EndpointPort } from '../k8s/objects';
import { portDump, sortByDumpHash, subsetDump } from './spew-hash';

describe('the Go dump DeepHashObject hashes (go-spew %#v)', () => {
  it('prints an EndpointPort with every field typed, in declaration order; a nil *string as <nil>', () => {
    expect(portDump({ name: 'dns', port: 53, protocol: 'UDP' })).toBe(
      '(v1.EndpointPort){Name:(string)dns Port:(int32)53 Protocol:(v1.Protocol)UDP AppProtocol:(*string)<nil>}',
    );
    // A set pointer prints its value after the pointer type, with no address (%#v has no '+' flag).
    expect(portDump({ port: 8080, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' })).toBe(
      '(v1.EndpointPort){Name:(string) Port:(int32)8080 Protocol:(v1.Protocol)TCP AppProtocol:(*string)kubernetes.io/h2c}',
    );
  });

  it('prints an EndpointSubset: slice elements without their type, a nil slice as (T)<nil>', () => {
    expect(
      subsetDump({
        addresses: [
          {
            ip: '10.244.1.2',
            nodeName: 'node-1',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'u1' },
          },
        ],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      }),
    ).toBe(
      '(v1.EndpointSubset){Addresses:([]v1.EndpointAddress)[{IP:(string)10.244.1.2 Hostname:(string) ' +
        'NodeName:(*string)node-1 TargetRef:(*v1.ObjectReference){Kind:(string)Pod Namespace:(string)default ' +
        'Name:(string)web-1 UID:(types.UID)u1 APIVersion:(string) ResourceVersion:(string) FieldPath:(string)}}] ' +
        'NotReadyAddresses:([]v1.EndpointAddress)<nil> ' +
        'Ports:([]v1.EndpointPort)[{Name:(string)http Port:(int32)8080 Protocol:(v1.Protocol)TCP AppProtocol:(*string)<nil>}]}',
    );
    expect(subsetDump({ notReadyAddresses: [{ ip: '10.244.1.3' }] })).toBe(
      '(v1.EndpointSubset){Addresses:([]v1.EndpointAddress)<nil> NotReadyAddresses:([]v1.EndpointAddress)' +
        '[{IP:(string)10.244.1.3 Hostname:(string) NodeName:(*string)<nil> TargetRef:(*v1.ObjectReference)<nil>}] ' +
        'Ports:([]v1.EndpointPort)<nil>}',
    );
  });

  it('hashes with MD5 (digests as Node crypto gives them)', () => {
    // node -e "require('crypto').createHash('md5').update(DUMP).digest('hex')"
    const hex = (p: EndpointPort) => bytesToHex(md5(utf8ToBytes(portDump(p))));
    expect(hex({ name: 'dns-tcp', port: 53, protocol: 'TCP' })).toBe('3b6a791b41850c40c712b5cc585449ae');
    expect(hex({ name: 'dns', port: 53, protocol: 'UDP' })).toBe('3e9daf8e22f0b0da6aaa1a1b052ee929');
    expect(hex({ name: 'metrics', port: 9153, protocol: 'TCP' })).toBe('76a75f39dbd6b3fab90a4598c77a8984');
  });
});

describe('portsByHash: the port order real clusters show', () => {
  it("kube-dns's Endpoints list dns-tcp, dns, metrics (`kubectl describe endpoints kube-dns` since 1.20)", () => {
    const ports: EndpointPort[] = [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    ];
    expect(sortByDumpHash(ports, portDump).map((p) => p.name)).toEqual(['dns-tcp', 'dns', 'metrics']);
  });

  it('a Service with http 80 and https 443 lists https first', () => {
    const ports: EndpointPort[] = [
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'https', port: 443, protocol: 'TCP' },
    ];
    expect(sortByDumpHash(ports, portDump).map((p) => p.name)).toEqual(['https', 'http']);
  });
});
