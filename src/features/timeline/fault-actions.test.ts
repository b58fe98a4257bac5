import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../engine';
import { findScenario } from '../../scenarios';
import { forUi } from '../../worker/ui-cluster';
import { faultActions } from './fault-actions';

const { cluster } = buildCluster([{ file: 'scene.yaml', text: findScenario('clusterip-three-pods')!.yaml }], {
  seed: 1,
});

describe('the graph’s fault menu', () => {
  it('offers a node’s faults as console lines, cordon or uncordon as the node is', () => {
    expect(faultActions('node/node-2', cluster).map((a) => a.line)).toEqual([
      'timeline add NodeStopped node-2',
      'timeline add NodeDrained node-2',
      'kubectl cordon node-2',
    ]);
    const cordoned = {
      ...cluster,
      nodes: cluster.nodes.map((n) => ({ ...n, spec: { ...n.spec, unschedulable: true } })),
    };
    expect(faultActions('node/node-2', cordoned).at(-1)?.line).toBe('kubectl uncordon node-2');
  });

  it('offers a pod’s faults, naming a namespace other than default', () => {
    const web = cluster.pods.find((p) => p.metadata.name?.startsWith('web-'))!.metadata.name!;
    expect(faultActions(`pod/default/${web}`, cluster).map((a) => a.line)).toEqual([
      `timeline add PodDeleted ${web}`,
      `timeline add ReadinessFailing ${web}`,
      `timeline add ContainerCrashed ${web}`,
    ]);
    const dns = cluster.pods.find((p) => p.metadata.namespace === 'kube-system')!.metadata.name!;
    expect(faultActions(`pod/kube-system/${dns}`, cluster)[0]!.line).toBe(
      `timeline add PodDeleted ${dns} -n kube-system`,
    );
  });

  it('offers nothing for other elements, or ones not in the cluster', () => {
    expect(faultActions('external', cluster)).toEqual([]);
    expect(faultActions('Service/default/nope', cluster)).toEqual([]);
    expect(faultActions('zone/zone-a', cluster)).toEqual([]);
    expect(faultActions('node/node-9', cluster)).toEqual([]);
    expect(faultActions('pod/default/nope', null)).toEqual([]);
  });
});

describe('the graph’s Service menu', () => {
  it('removes the endpoints (Deployment to 0, a selector no pod has), deletes the Service', () => {
    // The page's slim copy of the cluster, as the menu reads it.
    expect(faultActions('Service/default/web', forUi(cluster)).map((a) => [a.label, a.line])).toEqual([
      ['fault.scaleToZero', 'kubectl scale deployment web --replicas=0'],
      ['fault.selectNothing', 'kubectl set selector service web app=none'],
      ['fault.deleteService', 'kubectl delete service web'],
    ]);
  });

  it('switches externalTrafficPolicy both ways on a NodePort Service, in its namespace', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: shop, labels: { app: none } }
spec: { containers: [{ name: c, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata: { name: front, namespace: shop }
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector: { app: front }
  ports: [{ port: 80 }]
`;
    const c = forUi(buildCluster([{ file: 's.yaml', text }], { seed: 1 }).cluster);
    expect(faultActions('Service/shop/front', c).map((a) => a.line)).toEqual([
      // A pod of the namespace is labelled app=none: the selector names a value no pod has.
      'kubectl set selector service front -n shop app=none-2',
      'kubectl delete service front -n shop',
      `kubectl patch service front -n shop -p '{"spec":{"externalTrafficPolicy":"Cluster"}}'`,
    ]);
  });
});
