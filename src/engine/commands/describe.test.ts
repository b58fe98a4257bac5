import { describe, expect, it } from 'vitest';
import { scene, type Scene } from '../testing/scene';
import { tabwrite } from './describe';

const SCENE = `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata: { name: newcidr1, labels: { team: net, app: ipam } }
spec: { cidrs: [10.200.0.0/24] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { clusterIP: 10.200.0.20, ports: [{ port: 80 }] }
`;

function after(s: Scene, line: string): Scene {
  const r = s.run(line);
  expect(r.exitCode, r.stderr).toBe(0);
  return scene(r.sources!.map((x) => x.text));
}

describe('tabwrite (Go text/tabwriter, padding 2)', () => {
  it('aligns each block of lines that share a column, and leaves a line without tabs alone', () => {
    expect(tabwrite('a:\tx\nlonger:\ty\nplain\n  T\tS\tend\n  ----\t-\tend\nEv:\tnone\n')).toBe(
      'a:       x\nlonger:  y\nplain\n  T     S  end\n  ----  -  end\nEv:     none\n',
    );
  });
});

describe('kubectl describe servicecidr', () => {
  it('prints a ServiceCIDR being deleted as kubectl’s ServiceCIDRDescriber does, at the instant asked', () => {
    const s = after(scene(SCENE), 'delete servicecidr newcidr1 --at 30s');
    const r = s.run('describe servicecidr newcidr1 --at 30s');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        'Name:         newcidr1',
        'Labels:       app=ipam',
        '              team=net',
        'Annotations:  <none>',
        'CIDRs:        10.200.0.0/24',
        'Status:',
        'Conditions:',
        '  Type   Status  LastTransitionTime               Reason       Message',
        '  ----   ------  ------------------               ------       -------',
        '  Ready  False   Thu, 01 Jan 2026 00:00:30 +0000  Terminating  There are still IPAddresses referencing the ServiceCIDR, please remove them or create a new ServiceCIDR',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
    // Before the deletion: Ready, with no reason.
    expect(s.run('describe servicecidr/newcidr1 --at 10s').stdout).toContain(
      '  Ready  True    Thu, 01 Jan 2026 00:00:00 +0000          Kubernetes Service CIDR is ready\n',
    );
  });

  it('describes every ServiceCIDR without a name, and says NotFound for an unknown one', () => {
    const s = scene(SCENE);
    const all = s.run('describe servicecidrs').stdout;
    expect(all.indexOf('Name:         kubernetes')).toBeLessThan(all.indexOf('Name:         newcidr1'));
    // Several objects: kubectl turns the Events off unless --show-events is given (DescribeOptions.Run).
    expect(all).toContain('Kubernetes Service CIDR is ready\n\n\nName:');
    expect(all).not.toContain('Events:');
    expect(s.run('describe servicecidrs --show-events').stdout).toContain('Events:  <none>\n\n\nName:');
    const r = s.run('describe servicecidr nope');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): servicecidrs.networking.k8s.io "nope" not found\n');
  });

  it('reads TYPE/NAME, several of them, and TYPE NAME_PREFIX as kubectl describe does', () => {
    const s = scene(SCENE);
    const one = s.run('describe servicecidr newcidr1');
    expect(s.run('describe servicecidr/newcidr1')).toEqual(one);
    expect(one.stdout).toContain('Events:  <none>\n');
    const two = s.run('describe servicecidr/newcidr1 servicecidr/kubernetes');
    expect(two.exitCode).toBe(0);
    expect(two.stdout.indexOf('Name:         newcidr1')).toBeLessThan(
      two.stdout.indexOf('Name:         kubernetes'),
    );
    expect(two.stdout).not.toContain('Events:');
    // No ServiceCIDR is called "new": kubectl describes those whose names start so, without Events.
    const prefix = s.run('describe servicecidr new');
    expect(prefix.exitCode).toBe(0);
    expect(prefix.stdout).toBe(`${one.stdout.replace('Events:  <none>\n', '')}\n`);
    // …but not for TYPE/NAME.
    expect(s.run('describe servicecidr/new').stderr).toBe(
      'Error from server (NotFound): servicecidrs.networking.k8s.io "new" not found\n',
    );
    const mixed = s.run('describe servicecidr servicecidr/newcidr1');
    expect([mixed.exitCode, mixed.stdout]).toEqual([1, '']);
    expect(mixed.stderr).toMatch(
      /^error: there is no need to specify a resource type as a separate argument/,
    );
    // -n takes its value with it (a cluster-scoped kind ignores it).
    expect(s.run('describe servicecidr -n kube-system newcidr1')).toEqual(one);
    expect(s.run('describe svc -n empty').stderr).toBe('No resources found in empty namespace.\n');
  });

  it('says which kinds it does not describe yet, in the reader’s language', () => {
    const r = scene(SCENE).run('describe svc web');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('shows ServiceCIDRs only, not Service yet');
    expect(scene(SCENE).run('describe svc/web').stderr).toContain('not Service yet');
    expect(scene(SCENE).run('describe svc/nope').stderr).toBe(
      'Error from server (NotFound): services "nope" not found\n',
    );
  });
});
