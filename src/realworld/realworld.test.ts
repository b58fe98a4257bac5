/**
 * Public manifests nobody here wrote, applied as their authors tell users to apply them, with the requests
 * a user would make and what a real Kubernetes 1.36 cluster answers. Sources and licences: NOTICE.md.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../engine/testing/render';
import { scene } from '../engine/testing/scene';
import onlineBoutique from './online-boutique.yaml?raw';
import podinfo from './podinfo.yaml?raw';
import runMyNginx from './k8s-website/run-my-nginx.yaml?raw';
import nginxSvc from './k8s-website/nginx-svc.yaml?raw';
import backendDeployment from './k8s-website/backend-deployment.yaml?raw';
import backendService from './k8s-website/backend-service.yaml?raw';
import frontendDeployment from './k8s-website/frontend-deployment.yaml?raw';
import frontendService from './k8s-website/frontend-service.yaml?raw';
import web from './k8s-website/web.yaml?raw';
import cassandraService from './k8s-website/cassandra-service.yaml?raw';
import cassandraStatefulSet from './k8s-website/cassandra-statefulset.yaml?raw';
import kubeFlannel from './kube-flannel.yml?raw';
import bookinfo from './bookinfo.yaml?raw';
import guestbook from './guestbook-all-in-one.yaml?raw';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Item = any;

describe('Online Boutique (release/kubernetes-manifests.yaml, one kubectl apply)', () => {
  const s = scene(onlineBoutique);
  const pods = (): Item[] => s.json('get pods -o json').items;
  const podOf = (app: string): Item => pods().find((p: Item) => p.metadata.labels.app === app);
  const svc = (name: string): Item => s.json(`get svc ${name} -o json`).items[0];

  it('applies cleanly: only the ServiceAccounts are beyond what svclab models', () => {
    const r = s.run('validate -o json');
    expect(r.exitCode).toBe(0);
    const ds: Item[] = JSON.parse(r.stdout).diagnostics;
    expect(ds.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(new Set(ds.map((d) => d.kind))).toEqual(new Set(['ServiceAccount']));
  });

  it('runs one ready pod per Deployment: every probe aims where the service listens (its PORT)', () => {
    const ps = pods();
    expect(ps).toHaveLength(12);
    for (const p of ps) {
      expect(p.status.phase, p.metadata.name).toBe('Running');
      expect(
        p.status.conditions.find((c: Item) => c.type === 'Ready').status,
        `${p.metadata.name} Ready`,
      ).toBe('True');
    }
    expect(s.run('get deploy frontend').stdout).toMatch(/^frontend +1\/1 +1 +1 /m);
  });

  it('gives frontend-external a load-balancer address that reaches the frontend on 8080', () => {
    const lb = svc('frontend-external');
    expect(lb.spec).toMatchObject({
      type: 'LoadBalancer',
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    });
    expect(lb.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    const ip = lb.status.loadBalancer.ingress[0].ip;
    const r = s.json(`curl --from external http://${ip}/ -o json`);
    expect(r.outcome).toBe('delivered');
    expect(r.backend).toMatchObject({ port: 8080, service: 'default/frontend-external' });
    expect(r.backend.pod).toMatch(/^default\/frontend-/);
  });

  it('the frontend finds its backends by the names in its env, and they answer on their PORT', () => {
    const frontend = podOf('frontend').metadata.name;
    const ns = s.run(`exec ${frontend} -- nslookup productcatalogservice`);
    expect(ns.exitCode).toBe(0);
    expect(ns.stdout).toContain('Name:\tproductcatalogservice.default.svc.cluster.local');
    expect(ns.stdout).toContain(`Address: ${svc('productcatalogservice').spec.clusterIP}`);
    for (const [addr, app, port] of [
      ['productcatalogservice:3550', 'productcatalogservice', 3550],
      ['currencyservice:7000', 'currencyservice', 7000],
      ['cartservice:7070', 'cartservice', 7070],
      ['recommendationservice:8080', 'recommendationservice', 8080],
      ['shippingservice:50051', 'shippingservice', 50051],
      ['checkoutservice:5050', 'checkoutservice', 5050],
      ['adservice:9555', 'adservice', 9555],
    ] as const) {
      const r = s.json(`exec ${frontend} -- curl http://${addr}/ -o json`);
      expect(r.outcome, addr).toBe('delivered');
      expect(r.backend.pod, addr).toMatch(new RegExp(`^default/${app}-`));
      expect(r.backend.port, addr).toBe(port);
    }
    // The assistant is optional and not in this file: its name does not resolve.
    expect(s.json(`exec ${frontend} -- curl http://shoppingassistantservice:80/ -o json`).outcome).toBe(
      'dns-failure',
    );
  });

  it('emailservice: Service port 5000 is DNATed to the pod’s 8080; cartservice reaches redis-cart', () => {
    const checkout = podOf('checkoutservice').metadata.name;
    const r = s.json(`exec ${checkout} -- curl http://emailservice:5000/ -o json`);
    expect(r.outcome).toBe('delivered');
    expect(r.backend).toMatchObject({ port: 8080, service: 'default/emailservice' });
    const cart = podOf('cartservice').metadata.name;
    const redis = s.json(`exec ${cart} -- curl http://redis-cart:6379/ -o json`);
    expect(redis.outcome).toBe('delivered');
    expect(redis.backend.pod).toMatch(/^default\/redis-cart-/);
  });

  it('one apply: every pod has every Service’s variables, whatever the document order', () => {
    // frontend is the first document, yet its container starts after the whole apply.
    const env = s.json(`exec ${podOf('frontend').metadata.name} -- env -o json`).env;
    expect(env.PRODUCTCATALOGSERVICE_SERVICE_HOST).toBe(svc('productcatalogservice').spec.clusterIP);
    expect(env.REDIS_CART_SERVICE_PORT).toBe('6379');
    expect(env.EMAILSERVICE_PORT).toBe(`tcp://${svc('emailservice').spec.clusterIP}:5000`);
  });

  it('the load generator listens on nothing: a connection to it is refused, and svclab says why', () => {
    const lg = podOf('loadgenerator');
    const r = s.json(
      `exec ${podOf('frontend').metadata.name} -- curl http://${lg.status.podIP}:8089/ -o json`,
    );
    expect(r.outcome).toBe('refused');
    expect(en(r.explanation)).toContain('it listens on nothing');
  });
});

describe('podinfo (kustomize/: hpa, deployment, service, one kubectl apply -k)', () => {
  const s = scene(podinfo);
  const pods = (): Item[] => s.json('get pods -l app=podinfo -o json').items;

  it('the HPA raises the Deployment from its default 1 replica to minReplicas 2', () => {
    expect(s.run('get hpa').stdout).toMatch(/^podinfo +Deployment\/podinfo +cpu: <unknown>\/99% +2 +4 +2 /m);
    expect(s.json('get deploy podinfo -o json').items[0].spec.replicas).toBe(2);
    expect(pods()).toHaveLength(2);
  });

  it('serves http on 9898 and gRPC on 9999 through the Service’s named targetPorts', () => {
    // kubectl shows three addresses and "+ 1 more..." for 2 pods × 2 ports.
    expect(s.run('get endpoints podinfo').stdout).toMatch(/ \+ 1 more\.\.\. /);
    const ep = s.json('get endpoints podinfo -o json').items[0].subsets[0];
    expect(ep.addresses.map((a: Item) => a.ip).sort()).toEqual(
      pods()
        .map((p: Item) => p.status.podIP)
        .sort(),
    );
    expect(ep.ports.map((p: Item) => `${p.name}:${p.port}`).sort()).toEqual(['grpc:9999', 'http:9898']);
    const client = pods()[0].metadata.name;
    for (const port of [9898, 9999]) {
      const r = s.json(`exec ${client} -- curl http://podinfo:${port}/ -o json`);
      expect(r.outcome, `${port}`).toBe('delivered');
      expect(r.backend.port).toBe(port);
    }
  });

  it('the metrics port 9797 is not in the Service but the program binds it: reachable on the pod IP only', () => {
    const [a, b] = pods();
    expect(
      s.json(`exec ${a.metadata.name} -- curl http://${b.status.podIP}:9797/metrics -o json`).outcome,
    ).toBe('delivered');
    const viaService = s.json(`exec ${a.metadata.name} -- curl -m 2 http://podinfo:9797/ -o json`);
    // iptables mode: no KUBE-SERVICES rule for 9797, nobody owns the cluster IP, so the SYN goes unanswered.
    expect(viaService).toMatchObject({ outcome: 'timeout', backend: null });
    expect(en(viaService.explanation)).toContain('which has no port 9797/TCP');
  });
});

describe('Kubernetes website: Connecting Applications with Services (run-my-nginx, then nginx-svc)', () => {
  const s = scene([runMyNginx, nginxSvc]);
  const pods = (): Item[] => s.json('get pods -l run=my-nginx -o json').items;

  it('the Service (port 80, targetPort defaulted to 80) lists both pods', () => {
    const svc = s.json('get svc my-nginx -o json').items[0];
    expect(svc.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    const ep = s.run('get ep my-nginx').stdout;
    for (const p of pods()) expect(ep).toContain(`${p.status.podIP}:80`);
  });

  it('pods made before the Service lack its variables, as the tutorial shows with printenv', () => {
    const env = s.json(`exec ${pods()[0].metadata.name} -- env -o json`).env;
    expect(env.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
    expect(env.MY_NGINX_SERVICE_HOST).toBeUndefined();
    // …and DNS finds it all the same.
    const ns = s.run(`exec ${pods()[0].metadata.name} -- nslookup my-nginx`);
    expect(ns.stdout).toContain('Name:\tmy-nginx.default.svc.cluster.local');
  });

  it('curl to the Service’s cluster IP from a node reaches nginx on 80; the node cannot resolve its name', () => {
    const ip = s.json('get svc my-nginx -o json').items[0].spec.clusterIP;
    const r = s.json(`curl --from node/node-2 http://${ip}:80/ -o json`);
    expect(r.outcome).toBe('delivered');
    expect(r.backend.pod).toMatch(/^default\/my-nginx-/);
    // A node's resolv.conf is the host's, not CoreDNS: cluster names do not resolve there.
    expect(s.json('curl --from node/node-2 http://my-nginx.default.svc.cluster.local/ -o json').outcome).toBe(
      'dns-failure',
    );
  });
});

describe('Kubernetes website: Connect a Frontend to a Backend Using Services (service/access)', () => {
  const s = scene([backendDeployment, backendService, frontendDeployment, frontendService]);

  it('the YAML files end with "...": each is one document, read as kubectl reads it', () => {
    expect(s.json('get deploy -o json').items.map((d: Item) => d.metadata.name)).toEqual([
      'backend',
      'frontend',
    ]);
    expect(s.json('get pods -l tier=backend -o json').items).toHaveLength(3);
  });

  it('the hello Service picks only the backend tier through targetPort http', () => {
    const ep = s.json('get endpoints hello -o json').items[0];
    expect(ep.subsets[0].addresses).toHaveLength(3);
    expect(ep.subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('the frontend declares no port, yet nginx listens on 80: the LoadBalancer reaches it', () => {
    const lb = s.json('get svc frontend -o json').items[0];
    const ip = lb.status.loadBalancer.ingress[0].ip;
    const r = s.json(`curl --from external http://${ip}/ -o json`);
    expect(r.outcome).toBe('delivered');
    expect(r.backend.pod).toMatch(/^default\/frontend-/);
    // nginx's upstream is the name "hello" (frontend-nginx.conf): it resolves from the frontend pod.
    const fe = s.json('get pods -l tier=frontend -o json').items[0].metadata.name;
    const hello = s.json(`exec ${fe} -- curl http://hello/ -o json`);
    expect(hello.outcome).toBe('delivered');
    expect(hello.backend.pod).toMatch(/^default\/backend-/);
  });
});

describe('Kubernetes website: StatefulSet basics (application/web/web.yaml)', () => {
  const s = scene(web);

  it('makes web-0 and web-1, each with a stable DNS name through the headless Service nginx', () => {
    expect(s.run('get sts web').stdout).toBe('NAME   READY   AGE\nweb    2/2     0s\n');
    const pods: Item[] = s.json('get pods -l app=nginx -o json').items;
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1']);
    expect(pods[0].spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    const dig = s.run('exec web-1 -- dig +short web-0.nginx.default.svc.cluster.local');
    expect(dig.stdout).toBe(`${pods[0].status.podIP}\n`);
    // The headless Service answers with every ready pod.
    const all = s.run('exec web-0 -- dig +short nginx.default.svc.cluster.local').stdout.trim().split('\n');
    expect(all.sort()).toEqual(pods.map((p) => p.status.podIP).sort());
  });

  it('nginx-slim listens on 80: the tutorial’s curl web-0.nginx answers', () => {
    const r = s.json('exec web-1 -- curl http://web-0.nginx/ -o json');
    expect(r.outcome).toBe('delivered');
    expect(r.backend.pod).toBe('default/web-0');
  });
});

describe('Kubernetes website: Deploying Cassandra with a StatefulSet (application/cassandra)', () => {
  // The tutorial applies the headless Service, then the StatefulSet file (with its StorageClass).
  const s = scene([cassandraService, cassandraStatefulSet]);

  it('is accepted as a real API server accepts it: volumeMounts of a volumeClaimTemplate, not a template volume', () => {
    expect(s.env.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(s.env.diagnostics.filter((d) => d.code === 'workload.failedCreate')).toEqual([]);
    expect(s.run('get statefulsets').stdout).toBe('NAME        READY   AGE\ncassandra   3/3     0s\n');
    const pods: Item[] = s.json('get pods -o json').items;
    expect(pods.map((p) => p.metadata.name)).toEqual(['cassandra-0', 'cassandra-1', 'cassandra-2']);
  });

  it('the seed name in CASSANDRA_SEEDS resolves to cassandra-0 from every other pod', () => {
    const seed: Item = s.json('get pods -o json').items[0];
    const env = s.json('exec cassandra-2 -- env -o json').env;
    expect(env.CASSANDRA_SEEDS).toBe('cassandra-0.cassandra.default.svc.cluster.local');
    expect(s.run(`exec cassandra-2 -- dig +short ${env.CASSANDRA_SEEDS}`).stdout).toBe(
      `${seed.status.podIP}\n`,
    );
  });

  it('a peer reaches the seed’s CQL port 9042 (an unknown image: its declared containerPorts)', () => {
    const r = s.json('exec cassandra-1 -- curl -m 2 http://cassandra-0.cassandra:9042/ -o json');
    expect(r.outcome).toBe('delivered');
    expect(r.backend.pod).toBe('default/cassandra-0');
  });
});

/** kubeadm's control-plane node (tainted), two workers, and a Windows worker. */
const KUBEADM_NODES = `apiVersion: v1
kind: Node
metadata: { name: control-plane, labels: { node-role.kubernetes.io/control-plane: "" } }
spec: { taints: [{ key: node-role.kubernetes.io/control-plane, effect: NoSchedule }] }
status: { addresses: [{ type: InternalIP, address: 192.168.49.2 }] }
---
apiVersion: v1
kind: Node
metadata: { name: worker-1 }
status: { addresses: [{ type: InternalIP, address: 192.168.49.3 }] }
---
apiVersion: v1
kind: Node
metadata: { name: worker-2 }
status: { addresses: [{ type: InternalIP, address: 192.168.49.4 }] }
---
apiVersion: v1
kind: Node
metadata: { name: win-1, labels: { kubernetes.io/os: windows } }
status: { addresses: [{ type: InternalIP, address: 192.168.49.5 }] }
`;

describe('flannel (Documentation/kube-flannel.yml v0.28.9, kubectl apply -f)', () => {
  it('applies with no error or warning: only the RBAC objects and the ServiceAccount are beyond svclab', () => {
    const s = scene(kubeFlannel);
    const r = s.run('validate -o json');
    expect(r.exitCode).toBe(0);
    const ds: Item[] = JSON.parse(r.stdout).diagnostics;
    expect(ds.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(new Set(ds.map((d) => d.kind))).toEqual(
      new Set(['ClusterRole', 'ClusterRoleBinding', 'ServiceAccount']),
    );
  });

  it('one daemon per Linux node, the tainted control plane included (it tolerates every NoSchedule taint)', () => {
    const s = scene([KUBEADM_NODES, kubeFlannel]);
    const pods: Item[] = s.json('get pods -n kube-flannel -o json').items;
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['control-plane', 'worker-1', 'worker-2']);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^kube-flannel-ds-[a-z0-9]{5}$/);
      expect(p.status.phase).toBe('Running');
      // hostNetwork: the pod's address is its node's.
      expect(p.status.podIP).toBe(p.status.hostIP);
      // The controller binds each pod to its node, and adds its own tolerations after the template's.
      expect(p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual({
        nodeSelectorTerms: [
          { matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] }] },
        ],
      });
      expect(p.spec.tolerations[0]).toEqual({ operator: 'Exists', effect: 'NoSchedule' });
      expect(p.spec.tolerations).toContainEqual({
        key: 'node.kubernetes.io/network-unavailable',
        operator: 'Exists',
        effect: 'NoSchedule',
      });
      // hostNetwork defaults each containerPort's hostPort to itself.
      expect(p.spec.containers[0].ports).toEqual([
        { name: 'healthz', containerPort: 8081, hostPort: 8081, protocol: 'TCP' },
      ]);
    }
    expect(s.run('get ds -n kube-flannel').stdout).toMatch(/^kube-flannel-ds +3 +3 +3 +3 +3 +<none> /m);
    // kube-proxy's DaemonSet tolerates everything too, but keeps to kubernetes.io/os=linux.
    expect(s.run('get ds -n kube-system kube-proxy').stdout).toMatch(/^kube-proxy +3 +3 +3 +3 +3 /m);
  });

  it('a DaemonSet without flannel’s toleration stays off the control plane', () => {
    const agent = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: a, image: agnhost }] }
`;
    const s = scene([KUBEADM_NODES, kubeFlannel, agent]);
    const nodes = s.json('get pods -l app=agent -o json').items.map((p: Item) => p.spec.nodeName);
    expect(nodes.sort()).toEqual(['win-1', 'worker-1', 'worker-2']);
  });
});

describe('Istio Bookinfo without the mesh (samples/bookinfo/platform/kube/bookinfo.yaml, Istio 1.29.6)', () => {
  const s = scene(bookinfo);
  const podOf = (app: string, version = 'v1'): Item =>
    s
      .json(`get pods -l app=${app},version=${version} -o json`)
      .items.find((p: Item) => p.metadata.labels.app === app);

  it('applies with no error or warning: only the ServiceAccounts are beyond svclab', () => {
    const r = s.run('validate -o json');
    expect(r.exitCode).toBe(0);
    const ds: Item[] = JSON.parse(r.stdout).diagnostics;
    expect(ds.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(new Set(ds.map((d) => d.kind))).toEqual(new Set(['ServiceAccount']));
  });

  it('reviews selects v1, v2 and v3 alike: three endpoints on 9080', () => {
    const ep = s.json('get endpoints reviews -o json').items[0].subsets[0];
    const ips = ['v1', 'v2', 'v3'].map((v) => podOf('reviews', v).status.podIP);
    expect(ep.addresses.map((a: Item) => a.ip).sort()).toEqual(ips.sort());
    expect(ep.ports).toEqual([{ name: 'http', port: 9080, protocol: 'TCP' }]);
    for (const svc of ['productpage', 'details', 'ratings'])
      expect(s.json(`get endpoints ${svc} -o json`).items[0].subsets[0].addresses, svc).toHaveLength(1);
  });

  it('productpage reaches details and reviews by name, and reviews reaches ratings', () => {
    const pp = podOf('productpage').metadata.name;
    for (const [from, to] of [
      [pp, 'details'],
      [pp, 'reviews'],
      [podOf('reviews', 'v2').metadata.name, 'ratings'],
    ] as const) {
      const r = s.json(`exec ${from} -- curl http://${to}:9080/ -o json`);
      expect(r.outcome, `${from} → ${to}`).toBe('delivered');
      expect(r.backend).toMatchObject({ port: 9080, service: `default/${to}` });
      expect(r.backend.pod).toMatch(new RegExp(`^default/${to}-v`));
    }
  });
});

describe('Kubernetes examples: Guestbook (web/guestbook/all-in-one/guestbook-all-in-one.yaml)', () => {
  const s = scene(guestbook);
  const pods = (sel: string): Item[] => s.json(`get pods -l ${sel} -o json`).items;

  it('applies cleanly; each tier’s Service lists its pods', () => {
    expect(s.env.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    for (const [svc, sel, n, port] of [
      ['redis-master', 'role=master', 1, 6379],
      ['redis-replica', 'role=replica', 2, 6379],
      ['frontend', 'tier=frontend', 3, 80],
    ] as const) {
      const ep = s.json(`get endpoints ${svc} -o json`).items[0].subsets[0];
      expect(ep.addresses, svc).toHaveLength(n);
      expect(ep.addresses.map((a: Item) => a.ip).sort(), svc).toEqual(
        pods(sel)
          .map((p) => p.status.podIP)
          .sort(),
      );
      // redis-replica and frontend leave targetPort out: it defaults to the port.
      expect(ep.ports, svc).toEqual([{ port, protocol: 'TCP' }]);
    }
  });

  it('the PHP frontend (GET_HOSTS_FROM=dns) reaches redis-master and redis-replica by name', () => {
    const fe = pods('tier=frontend')[0].metadata.name;
    expect(s.json(`exec ${fe} -- env -o json`).env.GET_HOSTS_FROM).toBe('dns');
    for (const [to, role] of [
      ['redis-master', 'master'],
      ['redis-replica', 'replica'],
    ] as const) {
      const r = s.json(`exec ${fe} -- curl http://${to}:6379/ -o json`);
      expect(r.outcome, to).toBe('delivered');
      expect(r.backend.pod).toMatch(new RegExp(`^default/redis-${role}-`));
    }
  });

  it('the frontend NodePort answers on every node, from outside the cluster', () => {
    const np = s.json('get svc frontend -o json').items[0].spec.ports[0].nodePort;
    expect(np).toBeGreaterThanOrEqual(30000);
    for (const ip of ['192.168.49.2', '192.168.49.3', '192.168.49.4']) {
      const r = s.json(`curl --from external http://${ip}:${np}/ -o json`);
      expect(r.outcome, ip).toBe('delivered');
      expect(r.backend).toMatchObject({ port: 80, service: 'default/frontend' });
    }
  });
});
