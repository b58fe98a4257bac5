import { describe, expect, it } from 'vitest';
import { portProtoHash, sepChainName, serviceChainNames } from './hash';

describe('kube-proxy chain-name hashes', () => {
  it('reproduces the reference examples', () => {
    expect(portProtoHash('ns1/svc1:p80', 'tcp')).toBe('XPGD46QRK7WJZT7O');
    expect(sepChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
  });
  it('matches the chain names in proxier_test.go TestOverallIPTablesRules', () => {
    expect(serviceChainNames('ns2/svc2:p80', 'tcp').ext).toBe('KUBE-EXT-GNZBNJ2PO5MGZ6GT');
    expect(serviceChainNames('ns5/svc5:p80', 'tcp').fw).toBe('KUBE-FW-NUKIZ6OKUXPJNT4C');
    expect(sepChainName('ns5/svc5:p80', 'tcp', '10.180.0.3:80')).toBe('KUBE-SEP-I77PXRDZVX7PMWMN');
  });
});
