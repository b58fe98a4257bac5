/**
 * `null` (and empty) list items, as a student may type them, never throw out of the build or a command:
 * the API server decodes them to zero values and answers with field errors, and svclab does the same.
 * One case per list the fuzzer of issue 17 found throwing.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { createWorld } from '../world';
import { runCommand } from './run';

function run(yaml: string, ...lines: string[]): { validate: string; outputs: string[] } {
  const built = buildCluster([{ file: 'scene.yaml', text: yaml }], { seed: 1 });
  const env = {
    cluster: built.cluster,
    world: createWorld(1),
    diagnostics: built.diagnostics,
    json: false,
    lang: 'en' as const,
  };
  const v = runCommand('validate', env);
  const outputs = lines.map((l) => {
    const r = runCommand(l, env);
    return r.stdout + r.stderr;
  });
  for (const o of [v.stdout + v.stderr, ...outputs]) expect(o).not.toMatch(/internal error/i);
  return { validate: v.stdout + v.stderr, outputs };
}

/** A Node whose InternalIP entry lost its address (the API server reads it as ""). */
const NODE_WITHOUT_ADDRESS = `apiVersion: v1
kind: Node
metadata: { name: n3 }
spec: { podCIDR: 10.244.9.0/24 }
status: { addresses: [{ type: InternalIP }] }
`;

const POD = (extra: string, status = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
${extra}
spec:
  containers: [{ name: c, image: busybox }]
${status}`;

describe('null list items', () => {
  it('Node status.addresses and spec.podCIDRs', () => {
    const r = run(
      `apiVersion: v1
kind: Node
metadata: { name: n1 }
spec: { podCIDRs: [null] }
---
apiVersion: v1
kind: Node
metadata: { name: n2 }
status: { addresses: [null, { type: InternalIP, address: 192.168.1.5 }] }
`,
      'get nodes -o wide',
      'node n2 -- iptables-save',
    );
    expect(r.validate).toBe(
      'The Node "n1" is invalid: spec.podCIDRs[0]: Invalid value: "": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n',
    );
    expect(r.outputs[0]).toMatch(/^n2 +Ready .* 192\.168\.1\.5 /m);
  });

  it('a Node InternalIP entry without its address, with a pod on that node', () => {
    const r = run(
      `${NODE_WITHOUT_ADDRESS}---
apiVersion: v1
kind: Pod
metadata: { name: p, labels: { app: p } }
spec: { nodeName: n3, containers: [{ name: c, image: nginx }] }
`,
      'get pods -o wide',
      'get nodes -o wide',
    );
    expect(r.outputs[0]).toMatch(/^p +/m);
    expect(r.outputs[1]).toMatch(/^n3 +/m);
  });

  // Found by the 100,000-case fuzz run: the node's rules read its InternalIP through the proxy's own
  // lookup, which threw on the missing address (the IPv6 proxier looks for an IPv6 one on any cluster).
  it('a Node InternalIP entry without its address: that node prints its rules', () => {
    const r = run(
      `${NODE_WITHOUT_ADDRESS}---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { type: NodePort, selector: { app: web }, ports: [{ port: 80 }] }
`,
      'node n3 -- ip6tables-save',
      'node n3 -- iptables-save',
    );
    expect(r.outputs[0]).not.toMatch(/error/i);
    expect(r.outputs[1]).toContain('KUBE-NODEPORTS');
  });

  it('Service status.loadBalancer.ingress', () => {
    const r = run(
      `apiVersion: v1
kind: Service
metadata: { name: s }
spec: { type: LoadBalancer, ports: [{ port: 80 }] }
status: { loadBalancer: { ingress: [null] } }
`,
      'get svc s',
      'curl --from external http://s/',
    );
    expect(r.validate).toBe('All objects are valid.\n');
    expect(r.outputs[0]).toMatch(/^s +LoadBalancer/m);
  });

  it('metadata.ownerReferences: the API server’s four errors on the list’s path', () => {
    expect(run(POD('  ownerReferences: [null]')).validate).toBe(
      'The Pod "p" is invalid: \n' +
        '* metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty\n' +
        '* metadata.ownerReferences.kind: Invalid value: "": must not be empty\n' +
        '* metadata.ownerReferences.name: Invalid value: "": must not be empty\n' +
        '* metadata.ownerReferences.uid: Invalid value: "": must not be empty\n',
    );
  });

  it('container env: null, and an entry without a name, are Required (never "undefined=x")', () => {
    const r = run(
      `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
  - name: c
    image: busybox
    env: [null, { value: x }, { name: "A=B", value: v }, { name: V, valueFrom: {} }]
`,
    );
    expect(r.validate).toBe(
      'The Pod "p" is invalid: \n' +
        '* spec.containers[0].env[0].name: Required value\n' +
        '* spec.containers[0].env[1].name: Required value\n' +
        `* spec.containers[0].env[2].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='\n` +
        '* spec.containers[0].env[3].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`\n',
    );
  });

  it('Pod status.conditions, containerStatuses and podIPs (a given status is honoured, never trusted blindly)', () => {
    const r = run(
      POD('', 'status: { podIP: 10.244.0.9, podIPs: [null], conditions: [null], containerStatuses: [null] }'),
      'get pods -o wide',
      'exec p -- env',
      'exec p -- nslookup kubernetes',
      'get pods p -o json',
    );
    expect(r.validate).toBe('All objects are valid.\n');
    expect(r.outputs[0]).toMatch(/^p +\S+ +\S+ .*10\.244\.0\.9/m);
  });

  it('Ingress rules and tls', () => {
    const r = run(
      `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: i }
spec: { rules: [null], tls: [null] }
`,
      'get ing',
      'curl --from external http://i.example/',
    );
    expect(r.validate).toBe('All objects are valid.\n');
  });

  it('dnsConfig: nameservers, searches and options as the API server validates them', () => {
    const r = run(
      POD('', '').replace(
        'spec:\n',
        'spec:\n  dnsPolicy: None\n  dnsConfig: { nameservers: [null], searches: [null, "a_b.example."], options: [null] }\n',
      ),
    );
    expect(r.validate).toBe(
      'The Pod "p" is invalid: \n' +
        '* spec.dnsConfig.nameservers[0]: Invalid value: "": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
        `* spec.dnsConfig.searches[0]: Invalid value: "": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')\n` +
        '* spec.dnsConfig.options[0]: Required value: must not be empty\n',
    );
    const ok = run(
      POD('', '').replace(
        'spec:\n',
        'spec:\n  dnsPolicy: None\n  dnsConfig: { nameservers: [1.1.1.1], options: [{ name: ndots, value: null }] }\n',
      ),
      'exec p -- cat /etc/resolv.conf',
      'exec p -- nslookup web',
    );
    expect(ok.outputs[0]).toBe('nameserver 1.1.1.1\noptions ndots\n');
  });
});
