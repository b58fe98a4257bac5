/**
 * Deleting a ServiceCIDR (pkg/controller/servicecidrs, syncServiceCIDR and canDeleteCIDR) through the
 * commands a user runs: `kubectl delete servicecidr` only sets the deletionTimestamp, because the
 * controller's finalizer is on it; the controller takes the finalizer away unless an IPAddress would be
 * left in no ServiceCIDR, and until then the object is Terminating with Ready=False, reason Terminating.
 * The cases follow upstream's TestController_canDeleteCIDR (a larger ServiceCIDR covers it: gone; a smaller
 * one does not cover the address: it stays) and the "Extend Service IP Ranges" task's deletion steps.
 */
import { describe, expect, it } from 'vitest';
import { scene, sceneWithErrors } from '../testing/scene';

const cidr = (name: string, cidrs: string, extra = ''): string => `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata:
  name: ${name}
${extra}spec:
  cidrs: ${cidrs}
`;
const service = (name: string, ip?: string): string => `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
${ip ? `  clusterIP: ${ip}\n` : ''}  ports: [{ port: 80 }]
`;
const TERMINATING =
  'There are still IPAddresses referencing the ServiceCIDR, please remove them or create a new ServiceCIDR';

/** The scene after a command that edited it. */
const next = (s: ReturnType<typeof scene>, line: string) => {
  const r = s.run(line);
  expect(r.exitCode, r.stderr).toBe(0);
  return { r, s: scene(r.sources!.map((x) => x.text)) };
};

/** The scene's text after a command, with one more document written at its end (made later). */
const plus = (r: { sources?: { text: string }[] }, yaml: string) =>
  sceneWithErrors(`${r.sources!.map((x) => x.text).join('---\n')}---\n${yaml}`);

describe('kubectl delete servicecidr', () => {
  it('one that still holds a Service’s address stays Terminating, with its finalizer and the reason', () => {
    const s = scene([cidr('newcidr1', '[10.200.0.0/24]'), service('web', '10.200.0.20')].join('---\n'));
    const { r, s: after } = next(s, 'delete servicecidr newcidr1');
    expect(r.stdout).toBe('servicecidr.networking.k8s.io "newcidr1" deleted\n');
    expect(r.stderr).toContain('ServiceCIDR newcidr1 is Terminating');
    expect(r.stderr).toContain('10.200.0.20');
    const c = after.json('get servicecidr newcidr1 -o json').items[0];
    expect(c.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(c.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(c.metadata.finalizers).toEqual(['networking.k8s.io/service-cidr-finalizer']);
    expect(c.status.conditions).toEqual([
      {
        type: 'Ready',
        status: 'False',
        lastTransitionTime: '2026-01-01T00:00:00Z',
        reason: 'Terminating',
        message: TERMINATING,
      },
    ]);
    // The Service keeps its address: nothing reallocates a ClusterIP.
    expect(after.json('get svc web -o json').items[0].spec.clusterIP).toBe('10.200.0.20');
    expect(after.run('get servicecidrs').stdout).toMatch(/\nnewcidr1 +10\.200\.0\.0\/24 /);
    // Deleting it again changes nothing (it is already being deleted).
    const again = after.run('delete servicecidr newcidr1');
    expect(again.stdout).toBe('servicecidr.networking.k8s.io "newcidr1" deleted\n');
    expect(again.stderr).toBe('');
  });

  it('goes once the Service that held it is deleted', () => {
    const s = scene([cidr('newcidr1', '[10.200.0.0/24]'), service('web', '10.200.0.20')].join('---\n'));
    const { s: terminating } = next(s, 'delete servicecidr newcidr1');
    const { s: gone } = next(terminating, 'delete svc web');
    // The controller waits its deletion grace period (10 s after the deletionTimestamp) before it
    // removes the finalizer: at the deletion's instant the ServiceCIDR is still listed.
    expect(gone.run('get servicecidrs').stdout).toMatch(/\nnewcidr1 +10\.200\.0\.0\/24 /);
    expect(gone.run('get servicecidrs --at 10s').stdout).toBe(
      'NAME         CIDRS          AGE\nkubernetes   10.96.0.0/12   10s\n',
    );
    expect(gone.run('get servicecidr newcidr1 --at 10s').stderr).toBe(
      'Error from server (NotFound): servicecidrs.networking.k8s.io "newcidr1" not found\n',
    );
  });

  it('one with no addresses in it goes 10 s after its deletion (the controller’s grace period)', () => {
    const s = scene([cidr('newcidr1', '[10.200.0.0/24]'), service('web')].join('---\n'));
    const { r, s: after } = next(s, 'delete servicecidr newcidr1');
    expect(r.stderr).toBe('');
    // The document keeps the deletion's instant, for the timeline.
    expect(r.sources!.map((x) => x.text).join('')).toContain('deletionTimestamp: "2026-01-01T00:00:00Z"');
    expect(after.run('get servicecidrs').stdout).toContain('newcidr1');
    expect(after.run('get servicecidrs --at 10s').stdout).not.toContain('newcidr1');
  });

  it('one inside a larger ServiceCIDR goes even with addresses in it (hasParent)', () => {
    const s = scene(
      [
        cidr('small', '[10.200.0.0/24]'),
        cidr('large', '[10.200.0.0/16]'),
        service('web', '10.200.0.20'),
      ].join('---\n'),
    );
    const { r, s: after } = next(s, 'delete servicecidr small');
    expect(r.stderr).toBe('');
    expect(after.run('get servicecidrs --at 10s').stdout).not.toMatch(/\nsmall /);
    expect(after.json('get svc web -o json').items[0].spec.clusterIP).toBe('10.200.0.20');
  });

  it('a smaller overlapping ServiceCIDR does not cover an address outside it', () => {
    // TestController_canDeleteCIDR "CIDR with smaller range overlapping but IPs orphan".
    const s = scene(
      [
        cidr('big', '[10.200.0.0/24]'),
        cidr('overlapping', '[10.200.0.0/28]'),
        service('web', '10.200.0.23'),
      ].join('---\n'),
    );
    const { s: after } = next(s, 'delete servicecidr big');
    expect(after.json('get servicecidr big -o json').items[0].status.conditions[0].reason).toBe(
      'Terminating',
    );
    // An address inside the smaller one is covered by it: the larger one goes.
    const t = scene(
      [
        cidr('big', '[10.200.0.0/24]'),
        cidr('overlapping', '[10.200.0.0/28]'),
        service('web', '10.200.0.5'),
      ].join('---\n'),
    );
    const { s: gone } = next(t, 'delete servicecidr big');
    expect(gone.run('get servicecidrs --at 10s').stdout).not.toMatch(/\nbig /);
  });

  it('the default kubernetes ServiceCIDR stays Terminating: the kubernetes Service’s 10.96.0.1 is in it', () => {
    const s = scene(service('web'));
    const { r, s: after } = next(s, 'delete servicecidr kubernetes');
    expect(r.stdout).toBe('servicecidr.networking.k8s.io "kubernetes" deleted\n');
    expect(r.stderr).toContain('10.96.0.1');
    const c = after.json('get servicecidr kubernetes -o json').items[0];
    expect(c.spec.cidrs).toEqual(['10.96.0.0/12']);
    expect(c.metadata.finalizers).toEqual(['networking.k8s.io/service-cidr-finalizer']);
    expect(c.status.conditions[0]).toMatchObject({
      status: 'False',
      reason: 'Terminating',
      message: TERMINATING,
    });
  });

  it('the default one covered by a larger ServiceCIDR goes and the API server makes it again', () => {
    const s = scene([cidr('wide', '[10.96.0.0/11]'), service('web')].join('---\n'));
    const { r, s: after } = next(s, 'delete servicecidr kubernetes');
    expect(r.stderr).toBe('');
    const c = after.json('get servicecidr kubernetes -o json').items[0];
    expect(c.metadata.deletionTimestamp).toBeUndefined();
    expect(c.status.conditions[0].status).toBe('True');
  });

  it('a deletionTimestamp written in the scene is a ServiceCIDR being deleted', () => {
    const stamp =
      '  deletionTimestamp: "2026-01-01T00:00:00Z"\n  finalizers: [networking.k8s.io/service-cidr-finalizer]\n';
    // The Service is written before the deletion, so it got its address while the ServiceCIDR was ready.
    const held = scene(
      [service('web', '10.200.0.20'), cidr('newcidr1', '[10.200.0.0/24]', stamp)].join('---\n'),
    );
    expect(held.json('get servicecidr newcidr1 -o json').items[0].status.conditions[0].reason).toBe(
      'Terminating',
    );
    // Nothing holds it: gone after the controller's 10 s deletion grace period.
    const empty = scene([cidr('newcidr1', '[10.200.0.0/24]', stamp), service('web')].join('---\n'));
    expect(empty.run('get servicecidrs --at 9s').stdout).toContain('newcidr1');
    expect(empty.run('get servicecidrs --at 10s').stdout).not.toContain('newcidr1');
  });

  it('a Service made after the delete gets no address from the Terminating ServiceCIDR', () => {
    // MetaAllocator.syncAllocators: an allocator is ready only while its ServiceCIDR is Ready and has no
    // deletionTimestamp; a requested address then finds no allocator (ErrMismatchedNetwork).
    const s = scene([cidr('newcidr1', '[10.200.0.0/24]'), service('web', '10.200.0.20')].join('---\n'));
    const { r, s: terminating } = next(s, 'delete servicecidr newcidr1');
    // The document moved to the end of the scene, where the deletion happened.
    const text = r.sources!.map((x) => x.text).join('');
    expect(text.indexOf('name: newcidr1')).toBeGreaterThan(text.indexOf('name: web'));
    const asked = plus(r, service('api', '10.200.0.30'));
    expect(asked.errors.map((d) => d.message)).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.200.0.30"}: failed to allocate IP 10.200.0.30: the provided network does not match the current range',
    ]);
    // The Service made before it keeps its address, and the ServiceCIDR stays Terminating.
    expect(terminating.json('get svc web -o json').items[0].spec.clusterIP).toBe('10.200.0.20');
    expect(terminating.json('get servicecidr newcidr1 -o json').items[0].status.conditions[0].reason).toBe(
      'Terminating',
    );
  });

  it('with the default range full, a dynamic ClusterIP from a ServiceCIDR being deleted is “range is full”', () => {
    // kubeadm's serviceSubnet a /29 (6 addresses: 10.96.0.1 and kube-dns 10.96.0.10 need a /28; use
    // the extra ServiceCIDR for the scene's own Services).
    const config = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking: { serviceSubnet: 10.96.0.0/28 }
`;
    const fill = Array.from({ length: 12 }, (_, i) => service(`fill${i}`)).join('---\n');
    const s = sceneWithErrors(
      [config, cidr('newcidr1', '[10.200.0.0/24]'), fill, service('extra')].join('---\n'),
    );
    expect(s.errors).toEqual([]);
    const extra = s.json('get svc extra -o json').items[0].spec.clusterIP as string;
    expect(extra).toMatch(/^10\.200\.0\./);
    const { r, s: terminating } = next(s, 'delete servicecidr newcidr1');
    // Every Service made before the delete keeps its address.
    expect(terminating.json('get svc extra -o json').items[0].spec.clusterIP).toBe(extra);
    const more = plus(r, service('more'));
    expect(more.errors.map((d) => d.message)).toEqual([
      'Internal error occurred: failed to allocate a serviceIP: range is full',
    ]);
  });

  it('with the default kubernetes ServiceCIDR Terminating and no other, a new Service gets no ClusterIP', () => {
    const s = scene(service('web'));
    const before = s.json('get svc web -o json').items[0].spec.clusterIP as string;
    const { r, s: terminating } = next(s, 'delete servicecidr kubernetes');
    expect(terminating.json('get svc web -o json').items[0].spec.clusterIP).toBe(before);
    const more = plus(r, service('more'));
    expect(more.errors.map((d) => d.message)).toEqual([
      'Internal error occurred: failed to allocate a serviceIP: range is full',
    ]);
    // A Service asking for an address of it finds no allocator.
    const asked = plus(r, service('asked', '10.96.0.50'));
    expect(asked.errors.map((d) => d.message)).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: the provided network does not match the current range',
    ]);
  });

  it('an unknown ServiceCIDR is kubectl’s NotFound', () => {
    const r = scene(service('web')).run('delete servicecidr nope');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): servicecidrs.networking.k8s.io "nope" not found\n');
  });
});
