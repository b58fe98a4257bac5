/**
 * The add-ons' objects (kubeadm's kube-proxy DaemonSet and CoreDNS, …) are created through the API
 * server like the user's, so `get -o yaml` shows them with the API server's defaults.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

describe('system objects carry the API server’s defaults', () => {
  it('kube-proxy’s DaemonSet: dnsPolicy, resources: {}, fieldRef apiVersion, volume defaults', () => {
    const s = scene(`apiVersion: v1
kind: Namespace
metadata: { name: team }
`);
    const ds = s.json('get ds kube-proxy -n kube-system -o json').items[0];
    const spec = ds.spec.template.spec;
    expect(spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.restartPolicy).toBe('Always');
    expect(spec.containers[0].resources).toEqual({});
    expect(spec.containers[0].terminationMessagePolicy).toBe('File');
    expect(spec.containers[0].env[0].valueFrom.fieldRef).toEqual({
      apiVersion: 'v1',
      fieldPath: 'spec.nodeName',
    });
    expect(spec.volumes).toEqual([
      { name: 'kube-proxy', configMap: { name: 'kube-proxy', defaultMode: 420 } },
      { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
      { name: 'lib-modules', hostPath: { path: '/lib/modules', type: '' } },
    ]);
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
  });
});
