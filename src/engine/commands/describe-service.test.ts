import { describe, expect, it } from 'vitest';
import { scene, type Scene } from '../testing/scene';
import { formatEndpointSlices } from './describe-service';
import type { EndpointSlice } from '../k8s/objects';

const SERVICES = `apiVersion: v1
kind: Service
metadata: { name: web, labels: { app: web, tier: front }, annotations: { team.example.com/owner: net } }
spec:
  type: LoadBalancer
  selector: { app: web }
  externalTrafficPolicy: Local
  loadBalancerSourceRanges: [203.0.113.0/24, 198.51.100.0/24]
  ports: [{ name: http, port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: db }
spec: { clusterIP: None, selector: { app: db }, ports: [{ port: 5432 }] }
---
apiVersion: v1
kind: Service
metadata: { name: ext }
spec: { type: ExternalName, externalName: db.example.com }
---
apiVersion: v1
kind: Service
metadata: { name: lonely }
spec:
  type: NodePort
  selector: { app: nobody }
  sessionAffinity: ClientIP
  ports: [{ name: web, port: 80, targetPort: http, nodePort: 30080 }, { name: admin, port: 9000, appProtocol: http }]
---
apiVersion: v1
kind: Service
metadata: { name: down }
spec: { ports: [{ port: 80 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: down-1, labels: { kubernetes.io/service-name: down } }
addressType: IPv4
ports: [{ name: "", port: 8080, protocol: TCP }]
endpoints:
- { addresses: [10.0.0.9], conditions: { ready: false } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: c, image: nginx, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: db }
spec:
  replicas: 2
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: c, image: postgres }] }
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const svcSpec = (s: Scene, name: string): any =>
  s.json('get svc -o json').items.find((o: { metadata: { name: string } }) => o.metadata.name === name).spec;

describe('kubectl describe service', () => {
  it('prints a LoadBalancer Service as describeService does: ingress with its IP mode, node port, health check, endpoints', () => {
    const s = scene(SERVICES);
    const spec = svcSpec(s, 'web');
    const [ip, nodePort, health] = [spec.clusterIP, spec.ports[0].nodePort, spec.healthCheckNodePort];
    const slices = s.json('get endpointslices -l kubernetes.io/service-name=web -o json').items;
    const addresses = slices[0].endpoints.map((e: { addresses: string[] }) => `${e.addresses[0]}:8080`);
    expect(addresses).toHaveLength(2);
    const r = s.run('describe svc web');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'Name:                        web',
        'Namespace:                   default',
        'Labels:                      app=web',
        '                             tier=front',
        'Annotations:                 team.example.com/owner: net',
        'Selector:                    app=web',
        'Type:                        LoadBalancer',
        'IP Family Policy:            SingleStack',
        'IP Families:                 IPv4',
        `IP:                          ${ip}`,
        `IPs:                         ${ip}`,
        'LoadBalancer Ingress:        198.51.100.1 (VIP)',
        'Port:                        http  80/TCP',
        'TargetPort:                  8080/TCP',
        `NodePort:                    http  ${nodePort}/TCP`,
        `Endpoints:                   ${addresses.join(',')}`,
        'Session Affinity:            None',
        'External Traffic Policy:     Local',
        'Internal Traffic Policy:     Cluster',
        `HealthCheck NodePort:        ${health}`,
        'LoadBalancer Source Ranges:  203.0.113.0/24,198.51.100.0/24',
        'Events:                      <none>',
        '',
      ].join('\n'),
    );
    expect(Number(health)).toBeGreaterThan(0);
  });

  it('a headless Service shows IP None and its pods’ addresses with the port', () => {
    const s = scene(SERVICES);
    const r = s.run('describe svc db');
    expect(r.stdout).toContain('Type:                     ClusterIP\n');
    expect(r.stdout).toContain('IP:                       None\nIPs:                      None\n');
    expect(r.stdout).toContain(
      'Port:                     <unset>  5432/TCP\nTargetPort:               5432/TCP\n',
    );
    expect(r.stdout).toMatch(/\nEndpoints: {16}10\.244\.\d+\.\d+:5432,10\.244\.\d+\.\d+:5432\n/);
  });

  it('an ExternalName Service has no IP, no families, no ports and no endpoints', () => {
    expect(scene(SERVICES).run('describe svc ext').stdout).toBe(
      [
        'Name:              ext',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          <none>',
        'Type:              ExternalName',
        'IP Families:       <none>',
        'IP:                ',
        'IPs:               <none>',
        'External Name:     db.example.com',
        'Session Affinity:  None',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  it('a NodePort Service whose selector matches no pod: a named target port, an app protocol, empty Endpoints', () => {
    const s = scene(SERVICES);
    const spec = svcSpec(s, 'lonely');
    const [ip, nodePort] = [spec.clusterIP, spec.ports[1].nodePort];
    expect(s.run('describe service/lonely').stdout).toBe(
      [
        'Name:                     lonely',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=nobody',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        `IP:                       ${ip}`,
        `IPs:                      ${ip}`,
        'Port:                     web  80/TCP',
        'TargetPort:               http/TCP',
        'NodePort:                 web  30080/TCP',
        'Endpoints:                ',
        'Port:                     admin  9000/TCP',
        'TargetPort:               9000/TCP',
        'AppProtocol:              http',
        `NodePort:                 admin  ${nodePort}/TCP`,
        'Endpoints:                ',
        'Session Affinity:         ClientIP',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('a Service whose only endpoint is not ready has an empty Endpoints; several Services, no Events', () => {
    const s = scene(SERVICES);
    expect(s.run('describe svc down').stdout).toContain('\nEndpoints:                \n');
    const both = s.run('describe svc/down svc/ext');
    expect(both.stdout).not.toContain('Events:');
    expect(both.stdout).toContain('Name:                     down\n');
    expect(both.stdout).toContain('\n\nName:              ext\n');
  });
});

describe('formatEndpointSlices', () => {
  const slice = (ports: EndpointSlice['ports'], ready: (boolean | undefined)[]): EndpointSlice => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 's' },
    addressType: 'IPv4',
    ports,
    endpoints: ready.map((r, i) => ({
      addresses: [`10.0.0.${i + 1}`],
      ...(r === undefined ? {} : { conditions: { ready: r } }),
    })),
  });
  it('<none> without slices; ready (or unset) endpoints of the named port; three, then "+ N more..."', () => {
    expect(formatEndpointSlices([], new Set(['']))).toBe('<none>');
    const web = [{ name: 'web', port: 8080, protocol: 'TCP' as const }];
    expect(formatEndpointSlices([slice(web, [true, false, undefined])], new Set(['web']))).toBe(
      '10.0.0.1:8080,10.0.0.3:8080',
    );
    expect(formatEndpointSlices([slice(web, [true])], new Set(['other']))).toBe('');
    expect(formatEndpointSlices([slice(web, [true, true, true, true, true])], new Set(['web']))).toBe(
      '10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...',
    );
    // As upstream: "more" is set before the readiness check.
    expect(formatEndpointSlices([slice(web, [true, true, true, false])], new Set(['web']))).toBe(
      '10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 0 more...',
    );
    // A slice without ports (a headless Service without ports): bare addresses.
    expect(formatEndpointSlices([slice([], [true, true])])).toBe('10.0.0.1,10.0.0.2');
    const v6: EndpointSlice = {
      ...slice(web, [true]),
      addressType: 'IPv6',
      endpoints: [{ addresses: ['fd00::1'] }],
    };
    expect(formatEndpointSlices([v6], new Set(['web']))).toBe('[fd00::1]:8080');
  });
});

const ENDPOINTS = `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ name: http, port: 80, targetPort: 8080 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: c, image: nginx, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Endpoints
metadata: { name: legacy }
subsets:
- addresses: [{ ip: 10.0.0.1 }, { ip: 10.0.0.2 }]
  notReadyAddresses: [{ ip: 10.0.0.3 }]
  ports: [{ port: 8080, protocol: TCP }]
- notReadyAddresses: [{ ip: 10.0.0.4 }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: bare }
addressType: FQDN
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: odd }
addressType: IPv4
ports: [{ protocol: UDP }]
endpoints:
- { addresses: [10.0.0.7], hostname: db-0, conditions: { ready: false } }
- { addresses: [10.0.0.8] }
`;

describe('kubectl describe endpoints', () => {
  it('prints each subset as describeEndpoints does, with the API server’s deprecation warning', () => {
    const s = scene(ENDPOINTS);
    const ips = s
      .json('get pods -o json')
      .items.map((p: { status: { podIP: string } }) => p.status.podIP)
      .sort()
      .join(',');
    const r = s.run('describe ep web');
    expect(r.stderr).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
    expect(r.stdout).toBe(
      [
        'Name:         web',
        'Namespace:    default',
        'Labels:       endpoints.kubernetes.io/managed-by=endpoint-controller',
        'Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-01T00:00:00Z',
        'Subsets:',
        `  Addresses:          ${ips}`,
        '  NotReadyAddresses:  <none>',
        '  Ports:',
        '    Name  Port  Protocol',
        '    ----  ----  --------',
        '    http  8080  TCP',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('not-ready addresses, an unnamed port as <unset>, a subset without ready addresses or ports', () => {
    const r = scene(ENDPOINTS).run('describe endpoints/legacy');
    expect(r.stdout).toBe(
      [
        'Name:         legacy',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.0.0.1,10.0.0.2',
        '  NotReadyAddresses:  10.0.0.3',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  8080  TCP',
        '',
        '  Addresses:          <none>',
        '  NotReadyAddresses:  10.0.0.4',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl describe endpointslice', () => {
  it('prints the ports table and each endpoint as describeEndpointSliceV1 does', () => {
    const s = scene(ENDPOINTS);
    const [slice] = s.json('get endpointslices -l kubernetes.io/service-name=web -o json').items;
    const lines = slice.endpoints.flatMap(
      (e: { addresses: string[]; targetRef: { name: string }; nodeName: string; zone: string }) => [
        `  - Addresses:  ${e.addresses[0]}`,
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        `    TargetRef:  Pod/${e.targetRef.name}`,
        `    NodeName:   ${e.nodeName}`,
        `    Zone:       ${e.zone}`,
      ],
    );
    expect(lines).toHaveLength(14);
    expect(s.run(`describe endpointslice ${slice.metadata.name}`).stdout).toBe(
      [
        `Name:         ${slice.metadata.name}`,
        'Namespace:    default',
        'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
        '              kubernetes.io/service-name=web',
        'Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-01T00:00:00Z',
        'AddressType:  IPv4',
        'Ports:',
        '  Name  Port  Protocol',
        '  ----  ----  --------',
        '  http  8080  TCP',
        'Endpoints:',
        ...lines,
        'Events:         <none>',
        '',
      ].join('\n'),
    );
  });

  it('no ports, no endpoints; a port without name or number, a hostname, a not-ready and an unset Ready', () => {
    const s = scene(ENDPOINTS);
    expect(s.run('describe endpointslice bare').stdout).toBe(
      [
        'Name:         bare',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'AddressType:  FQDN',
        'Ports: <unset>',
        'Endpoints: <none>',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
    expect(s.run('describe endpointslices odd').stdout).toBe(
      [
        'Name:         odd',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port     Protocol',
        '  ----     ----     --------',
        '  <unset>  <unset>  UDP',
        'Endpoints:',
        '  - Addresses:  10.0.0.7',
        '    Conditions:',
        // One tabwriter block runs from Ready to the next endpoint's Addresses (Conditions breaks it).
        '      Ready:    false',
        '    Hostname:   db-0',
        '    NodeName:   <unset>',
        '    Zone:       <unset>',
        '  - Addresses:  10.0.0.8',
        '    Conditions:',
        '      Ready:   <unset>',
        '    Hostname:  <unset>',
        '    NodeName:  <unset>',
        '    Zone:      <unset>',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('the cluster’s own Services', () => {
  it('kubernetes and kube-dns carry the defaulted internalTrafficPolicy: Cluster, as on a kubeadm cluster', () => {
    const s = scene(SERVICES);
    const kubernetes = s.run('describe svc kubernetes').stdout;
    expect(kubernetes).toContain('Endpoints:                192.168.49.2:6443\n');
    expect(kubernetes).toContain(
      'Session Affinity:         None\nInternal Traffic Policy:  Cluster\nEvents:',
    );
    expect(s.run('describe svc kube-dns -n kube-system').stdout).toContain(
      'Internal Traffic Policy:  Cluster\n',
    );
    expect(s.run('get svc kubernetes -o yaml').stdout).toContain('  internalTrafficPolicy: Cluster\n');
  });
});
