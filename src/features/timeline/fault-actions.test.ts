import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../engine';
import { findScenario } from '../../scenarios';
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
    expect(faultActions('Service/default/web', cluster)).toEqual([]);
    expect(faultActions('node/node-9', cluster)).toEqual([]);
    expect(faultActions('pod/default/nope', null)).toEqual([]);
  });
});
