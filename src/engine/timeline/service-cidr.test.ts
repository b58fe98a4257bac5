/**
 * A ServiceCIDR's deletion on the timeline (service-cidr.ts): `kubectl delete servicecidr` run at an
 * instant is an event there, with the servicecidrs controller's Ready=False/Terminating while Services
 * still hold addresses in it alone, and its removal 10 s after the deletionTimestamp once none does.
 */
import { describe, expect, it } from 'vitest';
import { scene, type Scene } from '../testing/scene';

const CIDR = `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata: { name: newcidr1 }
spec: { cidrs: [10.200.0.0/24] }
`;
const WEB = `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { clusterIP: 10.200.0.20, ports: [{ port: 80 }] }
`;
const MESSAGE =
  'There are still IPAddresses referencing the ServiceCIDR, please remove them or create a new ServiceCIDR';

/** The scene after a command that edited it. */
function after(s: Scene, line: string): Scene {
  const r = s.run(line);
  expect(r.exitCode, r.stderr).toBe(0);
  return scene(r.sources!.map((x) => x.text));
}

const cidrAt = (s: Scene, at: string) =>
  s
    .json(`get servicecidrs --at ${at} -o json`)
    .items.find((c: { metadata: { name: string } }) => c.metadata.name === 'newcidr1');

describe('kubectl delete servicecidr on the timeline', () => {
  it('is an event at the instant it ran, with the controller’s Ready=False/Terminating', () => {
    const s = after(scene([CIDR, WEB].join('---\n')), 'delete servicecidr newcidr1 --at 30s');
    const timeline = s.json('timeline -o json');
    const ids = timeline.events.map((e: { at: number; fault: boolean; messageMsg: { id: string } }) => [
      e.at,
      e.fault,
      e.messageMsg.id,
    ]);
    expect(ids).toEqual([
      [30, true, 'timeline.serviceCidrDeleted'],
      [30, false, 'timeline.serviceCidrTerminating'],
    ]);
    expect(timeline.events[1].messageMsg.params).toEqual({
      name: 'newcidr1',
      ips: '10.200.0.20',
      services: 'default/web',
    });
    // The table the console prints: the English message names the reason and the Service.
    const table = s.run('timeline --at 30s').stdout;
    expect(table).toContain('ServiceCIDR newcidr1 is deleted');
    expect(table).toContain('reason Terminating');
    expect(table).toContain('10.200.0.20, of Service default/web');
  });

  it('before the instant it is Ready and not being deleted; after it, Terminating with its finalizer', () => {
    const s = after(scene([CIDR, WEB].join('---\n')), 'delete servicecidr newcidr1 --at 30s');
    const before = cidrAt(s, '29s');
    expect(before.metadata.deletionTimestamp).toBeUndefined();
    expect(before.metadata.deletionGracePeriodSeconds).toBeUndefined();
    expect(before.metadata.finalizers).toEqual(['networking.k8s.io/service-cidr-finalizer']);
    expect(before.status.conditions).toEqual([
      {
        type: 'Ready',
        status: 'True',
        lastTransitionTime: '2026-01-01T00:00:00Z',
        reason: '',
        message: 'Kubernetes Service CIDR is ready',
      },
    ]);
    const then = cidrAt(s, '30s');
    expect(then.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(then.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(then.metadata.finalizers).toEqual(['networking.k8s.io/service-cidr-finalizer']);
    expect(then.status.conditions).toEqual([
      {
        type: 'Ready',
        status: 'False',
        lastTransitionTime: '2026-01-01T00:00:30Z',
        reason: 'Terminating',
        message: MESSAGE,
      },
    ]);
    // -o yaml, as kubectl prints it, at an instant after the deletion.
    const yaml = s.run('get servicecidr newcidr1 -o yaml --at 5m').stdout;
    expect(yaml).toContain('  deletionTimestamp: "2026-01-01T00:00:30Z"\n');
    expect(yaml).toContain('  finalizers:\n  - networking.k8s.io/service-cidr-finalizer\n');
    expect(yaml).toContain(`    reason: Terminating\n`);
    // The Service keeps its address at every instant.
    expect(s.json('get svc web --at 29s -o json').items[0].spec.clusterIP).toBe('10.200.0.20');
    expect(s.json('get svc web --at 1m -o json').items[0].spec.clusterIP).toBe('10.200.0.20');
  });

  it('once no Service holds it, it is gone 10 s after its deletionTimestamp', () => {
    const terminating = after(scene([CIDR, WEB].join('---\n')), 'delete servicecidr newcidr1 --at 30s');
    const s = after(terminating, 'delete svc web');
    const ids = s
      .json('timeline -o json')
      .events.map((e: { at: number; messageMsg: { id: string } }) => [e.at, e.messageMsg.id]);
    expect(ids).toEqual([
      [30, 'timeline.serviceCidrDeleted'],
      [40, 'timeline.serviceCidrRemoved'],
    ]);
    expect(cidrAt(s, '10s').metadata.deletionTimestamp).toBeUndefined();
    // Deleted, waiting for the grace period: still listed, still Ready (the controller did not change it).
    const waiting = cidrAt(s, '35s');
    expect(waiting.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(waiting.metadata.finalizers).toEqual(['networking.k8s.io/service-cidr-finalizer']);
    expect(waiting.status.conditions[0].status).toBe('True');
    expect(cidrAt(s, '40s')).toBeUndefined();
    expect(s.run('get servicecidr newcidr1 --at 40s').stderr).toContain('NotFound');
  });

  it('one that nothing holds is deleted at its instant and gone 10 s later', () => {
    const free = WEB.replace('clusterIP: 10.200.0.20, ', '');
    const s = after(scene([CIDR, free].join('---\n')), 'delete servicecidr newcidr1 --at 30s');
    const ids = s
      .json('timeline -o json')
      .events.map((e: { at: number; messageMsg: { id: string } }) => [e.at, e.messageMsg.id]);
    expect(ids).toEqual([
      [30, 'timeline.serviceCidrDeleted'],
      [40, 'timeline.serviceCidrRemoved'],
    ]);
    expect(cidrAt(s, '29s').metadata.deletionTimestamp).toBeUndefined();
    expect(cidrAt(s, '39s').metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(cidrAt(s, '40s')).toBeUndefined();
  });

  it('a scene with no deletion has no ServiceCIDR event', () => {
    expect(scene([CIDR, WEB].join('---\n')).json('timeline -o json').events).toEqual([]);
  });
});
