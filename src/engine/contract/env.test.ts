/**
 * Section 1 of the reference through `exec POD -- env -o json`: kubelet's service variables
 * (envvars.go FromServices, getServiceEnvVarMap, makeEnvironmentVariables), compared as sets as the
 * kubelet tests do, and the creation-order rule (document order is apply order).
 */
import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

const YAML = `apiVersion: v1
kind: Namespace
metadata: { name: other }
---
apiVersion: v1
kind: Service
metadata: { name: super-svc }
spec:
  clusterIP: 10.96.5.5
  selector: { app: x }
  ports:
  - { name: http, port: 8080, targetPort: 80 }
  - { name: udp-8083, port: 8083, protocol: UDP }
  - { name: metrics-port, port: 9090, protocol: SCTP }
---
apiVersion: v1
kind: Service
metadata: { name: hl }
spec: { clusterIP: None, selector: { app: x }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: en }
spec: { type: ExternalName, externalName: example.com }
---
apiVersion: v1
kind: Service
metadata: { name: far, namespace: other }
spec: { clusterIP: 10.96.6.6, selector: { app: x }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
  - name: c
    image: busybox
    env:
    - { name: SUPER_SVC_SERVICE_PORT, value: mine }
    - { name: URL, value: "http://$(SUPER_SVC_SERVICE_HOST):$(SUPER_SVC_SERVICE_PORT)" }
---
apiVersion: v1
kind: Pod
metadata: { name: nolinks }
spec: { enableServiceLinks: false, containers: [{ name: c, image: busybox }] }
---
apiVersion: v1
kind: Service
metadata: { name: kubernetes, namespace: other }
spec: { clusterIP: 10.96.7.7, selector: { app: x }, ports: [{ port: 8443 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: o, namespace: other }
spec: { containers: [{ name: c, image: busybox }] }
`;

/** A second kubectl apply: the pods of the first have started already. */
const LATER = `apiVersion: v1
kind: Service
metadata: { name: late-svc }
spec: { clusterIP: 10.96.8.8, selector: { app: x }, ports: [{ port: 6379 }] }
`;

const s = scene([YAML, LATER]);
const envOf = (pod: string, ns = 'default'): Record<string, string> =>
  s.json(`exec ${pod} -n ${ns} -- env -o json`).env;
/** Only the variables a Service contributes (the image's PATH/HOME/HOSTNAME aside). */
const serviceVars = (env: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter(([k]) => /_(SERVICE_|PORT)/.test(k)));

const KUBERNETES = {
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  KUBERNETES_SERVICE_PORT: '443',
  KUBERNETES_SERVICE_PORT_HTTPS: '443',
  KUBERNETES_PORT: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
  KUBERNETES_PORT_443_TCP_PORT: '443',
  KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
};

describe('kubelet service environment variables', () => {
  it('the exact set: own namespace + default/kubernetes; headless and ExternalName contribute nothing; container env wins and $(VAR) expands', () => {
    expect(serviceVars(envOf('p'))).toEqual({
      ...KUBERNETES,
      SUPER_SVC_SERVICE_HOST: '10.96.5.5',
      SUPER_SVC_SERVICE_PORT: 'mine', // declared by the container: the service variable is not appended
      SUPER_SVC_SERVICE_PORT_HTTP: '8080',
      SUPER_SVC_SERVICE_PORT_UDP_8083: '8083',
      SUPER_SVC_SERVICE_PORT_METRICS_PORT: '9090',
      SUPER_SVC_PORT: 'tcp://10.96.5.5:8080',
      SUPER_SVC_PORT_8080_TCP: 'tcp://10.96.5.5:8080',
      SUPER_SVC_PORT_8080_TCP_PROTO: 'tcp',
      SUPER_SVC_PORT_8080_TCP_PORT: '8080',
      SUPER_SVC_PORT_8080_TCP_ADDR: '10.96.5.5',
      SUPER_SVC_PORT_8083_UDP: 'udp://10.96.5.5:8083',
      SUPER_SVC_PORT_8083_UDP_PROTO: 'udp',
      SUPER_SVC_PORT_8083_UDP_PORT: '8083',
      SUPER_SVC_PORT_8083_UDP_ADDR: '10.96.5.5',
      SUPER_SVC_PORT_9090_SCTP: 'sctp://10.96.5.5:9090',
      SUPER_SVC_PORT_9090_SCTP_PROTO: 'sctp',
      SUPER_SVC_PORT_9090_SCTP_PORT: '9090',
      SUPER_SVC_PORT_9090_SCTP_ADDR: '10.96.5.5',
    });
    // The container's own variables come first, so $(SUPER_SVC_SERVICE_PORT) is its value, not 8080.
    expect(envOf('p').URL).toBe('http://10.96.5.5:mine');
  });

  it('enableServiceLinks: false keeps only default/kubernetes', () => {
    expect(serviceVars(envOf('nolinks'))).toEqual(KUBERNETES);
  });

  it('a namespace’s own Service named kubernetes replaces default/kubernetes; other namespaces never show', () => {
    expect(serviceVars(envOf('o', 'other'))).toEqual({
      FAR_SERVICE_HOST: '10.96.6.6',
      FAR_SERVICE_PORT: '80',
      FAR_PORT: 'tcp://10.96.6.6:80',
      FAR_PORT_80_TCP: 'tcp://10.96.6.6:80',
      FAR_PORT_80_TCP_PROTO: 'tcp',
      FAR_PORT_80_TCP_PORT: '80',
      FAR_PORT_80_TCP_ADDR: '10.96.6.6',
      KUBERNETES_SERVICE_HOST: '10.96.7.7',
      KUBERNETES_SERVICE_PORT: '8443',
      KUBERNETES_PORT: 'tcp://10.96.7.7:8443',
      KUBERNETES_PORT_8443_TCP: 'tcp://10.96.7.7:8443',
      KUBERNETES_PORT_8443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_8443_TCP_PORT: '8443',
      KUBERNETES_PORT_8443_TCP_ADDR: '10.96.7.7',
    });
  });

  it('within one apply every object exists before any container starts: a Service after the pod is in its env', () => {
    const one = scene(YAML + '---\n' + LATER);
    expect(one.json('exec p -- env -o json').env.LATE_SVC_SERVICE_HOST).toBe('10.96.8.8');
    expect(one.env.diagnostics.filter((d) => d.code === 'discovery.env.createdBeforeService')).toEqual([]);
  });

  it('a pod given a status (a dump) is no different: its containers start after its apply', () => {
    const dumped = YAML.replace(
      'metadata: { name: o, namespace: other }\nspec: { containers: [{ name: c, image: busybox }] }',
      'metadata: { name: o, namespace: other }\nspec: { containers: [{ name: c, image: busybox }] }\nstatus: { phase: Running, podIP: 10.244.1.77 }',
    );
    expect(dumped).not.toBe(YAML);
    const one = scene(
      dumped +
        '---\napiVersion: v1\nkind: Service\nmetadata: { name: late, namespace: other }\nspec: { clusterIP: 10.96.9.9, ports: [{ port: 80 }] }\n',
    );
    expect(one.json('exec o -n other -- env -o json').env.LATE_SERVICE_HOST).toBe('10.96.9.9');
  });

  it('a Service created by a later apply is missing from its env (and the lint says so); its DNS name works', () => {
    expect(envOf('p').LATE_SVC_SERVICE_HOST).toBeUndefined();
    const lint = s.env.diagnostics.find(
      (d) => d.source === 'lint' && d.name === 'p' && en(d.message).includes('late-svc'),
    );
    expect(lint?.severity).toBe('warning');
    expect(en(lint?.message)).toContain('LATE_SVC_SERVICE_HOST');
    expect(s.json('exec p -- nslookup late-svc -o json').answer[0].data).toBe('10.96.8.8');
  });

  it('env prints NAME=value lines', () => {
    expect(s.run('exec nolinks -- env').stdout).toContain('\nKUBERNETES_SERVICE_HOST=10.96.0.1\n');
  });
});
