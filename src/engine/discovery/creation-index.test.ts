import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet } from '../k8s/objects';
import { creationIndex } from './creation-index';
import { creationOrder, creationRoot, existedBefore } from './creation-order';
import { clusterOf, pod, svc } from './test-cluster';

const owned = (p: Pod, kind: string, name: string): Pod => ({
  ...p,
  metadata: {
    ...p.metadata,
    ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: name, controller: true }],
  },
});

describe('creationIndex', () => {
  const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } };
  const rs = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-7c9d8',
      namespace: 'shop',
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: '1', controller: true },
      ],
    },
  } as ReplicaSet;
  const p = owned(pod('shop', 'web-7c9d8-abcde', '10.244.1.5'), 'ReplicaSet', 'web-7c9d8');

  it('follows ownerReferences to the Deployment, and the pod takes its order', () => {
    const c = clusterOf([svc('shop', 'a', {}), dep as Deployment, svc('shop', 'b', {}), rs, p]);
    const ix = creationIndex(c);
    expect(ix.root(p)).toBe('Deployment/shop/web');
    expect(ix.order(p)).toBe(1);
    expect(ix.object('ReplicaSet/shop/web-7c9d8')).toBe(rs);
    expect(creationRoot(c, p)).toBe('Deployment/shop/web');
    expect(creationOrder(c, p)).toBe(1);
    expect(existedBefore(c, c.services[0]!, p)).toBe(true);
    expect(existedBefore(c, c.services[1]!, p)).toBe(false);
  });

  it('prefers the recorded origin owner, and stops at a missing owner or a cycle', () => {
    const c = clusterOf([dep as Deployment, rs, p]);
    c.origins.set('Pod/shop/web-7c9d8-abcde', { by: 'controller', order: 9, owner: 'Deployment/shop/web' });
    expect(creationIndex(c).root(p)).toBe('Deployment/shop/web');

    const orphan = owned(pod('shop', 'lost', '10.244.1.6'), 'ReplicaSet', 'gone');
    const c2 = clusterOf([orphan]);
    expect(creationIndex(c2).root(orphan)).toBe('ReplicaSet/shop/gone');
    // No origin for the missing owner: the pod's own order stands.
    expect(creationIndex(c2).order(orphan)).toBe(0);

    const loopA = owned(pod('shop', 'a', '10.244.1.7'), 'Pod', 'b');
    const loopB = owned(pod('shop', 'b', '10.244.1.8'), 'Pod', 'a');
    expect(creationIndex(clusterOf([loopA, loopB])).root(loopA)).toBe('Pod/shop/a');
  });

  it('lists a namespace’s Services oldest first, whatever their place in cluster.services', () => {
    const c = clusterOf([svc('shop', 'z', {}), svc('other', 'y', {}), svc('shop', 'x', {})]);
    c.origins.set('Service/shop/z', { by: 'user', order: 5 });
    c.origins.delete('Service/shop/x');
    c.services.push(svc('shop', 'w', {}));
    c.origins.set('Service/shop/w', { by: 'user', order: 1 });
    const ix = creationIndex(c);
    expect(ix.services('shop').map((s) => s.metadata.name)).toEqual(['w', 'z', 'x']);
    expect(ix.services('none')).toEqual([]);
    expect(ix.service('other', 'y')?.metadata.name).toBe('y');
    expect(ix.service('shop', 'y')).toBeUndefined();
  });
});
