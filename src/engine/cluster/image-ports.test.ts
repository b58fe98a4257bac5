import { describe, expect, it } from 'vitest';
import type { Container } from '../k8s/objects';
import { imagePorts, imageRepository } from './image-ports';

const c = (image: string, more: Partial<Container> = {}): Container => ({ name: 'c', image, ...more });
const ports = (x: Container) => imagePorts(x)?.sockets.map((s) => `${s.port}/${s.protocol}`);

describe('imageRepository', () => {
  it('drops registry, library/, tag and digest', () => {
    expect(imageRepository('nginx')).toBe('nginx');
    expect(imageRepository('docker.io/library/nginx:1.27-alpine')).toBe('nginx');
    expect(imageRepository('registry.k8s.io/ingress-nginx/controller:v1.12.0@sha256:abc')).toBe(
      'ingress-nginx/controller',
    );
    expect(imageRepository('localhost:5000/team/app:1')).toBe('team/app');
  });
});

describe('imagePorts', () => {
  it('knows the well-known servers', () => {
    expect(ports(c('nginx:1.27'))).toEqual(['80/TCP']);
    expect(ports(c('httpd:2.4'))).toEqual(['80/TCP']);
    expect(ports(c('redis:7'))).toEqual(['6379/TCP']);
    expect(ports(c('postgres:17'))).toEqual(['5432/TCP']);
    expect(ports(c('mysql:8.4'))).toEqual(['3306/TCP', '33060/TCP']);
    expect(ports(c('registry.k8s.io/coredns/coredns:v1.12.1'))).toEqual([
      '53/UDP',
      '53/TCP',
      '8080/TCP',
      '8181/TCP',
      '9153/TCP',
    ]);
    expect(ports(c('hashicorp/http-echo:1.0'))).toEqual(['5678/TCP']);
    expect(ports(c('openzipkin/zipkin:3'))).toEqual(['9411/TCP']);
    expect(ports(c('docker.io/istio/examples-bookinfo-reviews-v2:1.20.2'))).toEqual(['9080/TCP']);
  });

  it('reads the flags and variables that move a port', () => {
    const agnhost = 'registry.k8s.io/e2e-test-images/agnhost:2.52';
    expect(ports(c(agnhost, { args: ['netexec', '--http-port=9000'] }))).toEqual(['9000/TCP', '8081/UDP']);
    expect(ports(c(agnhost, { args: ['netexec', '--http-port', '80', '--udp-port=-1'] }))).toEqual([
      '80/TCP',
    ]);
    expect(ports(c(agnhost, { args: ['serve-hostname'] }))).toEqual(['9376/TCP']);
    expect(ports(c(agnhost, { args: ['pause'] }))).toEqual([]);
    expect(imagePorts(c(agnhost, { args: ['dns-server'] }))).toBeUndefined();
    expect(ports(c('hashicorp/http-echo', { args: ['-listen=:8080', '-text=hi'] }))).toEqual(['8080/TCP']);
    expect(ports(c('redis:7', { args: ['--port', '6380'] }))).toEqual(['6380/TCP']);
    const ctrl = c('registry.k8s.io/ingress-nginx/controller:v1.12.0', {
      args: ['/nginx-ingress-controller', '--validating-webhook=:8443'],
    });
    expect(ports(ctrl)).toEqual(['80/TCP', '443/TCP', '10254/TCP', '8443/TCP']);
    const frontend = c('us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend:v0.10.3', {
      env: [{ name: 'PORT', value: '8080' }],
    });
    expect(ports(frontend)).toEqual(['8080/TCP']);
    expect(ports(c('gcr.io/google-samples/microservices-demo/cartservice:v0.8.0'))).toEqual(['7070/TCP']);
    // The release manifests of v0.10.6 pull from the online-boutique-ci project.
    expect(
      ports(c('us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/adservice:v0.10.6')),
    ).toEqual(['9555/TCP']);
    expect(ports(c('registry.k8s.io/nginx-slim:0.7'))).toEqual(['80/TCP']);
    expect(ports(c('gcr.io/google-samples/hello-frontend:1.0'))).toEqual(['80/TCP']);
    expect(imagePorts(c('example.com/frontend:1'))).toBeUndefined();
    expect(
      ports(
        c('ghcr.io/stefanprodan/podinfo:6.7.1', {
          command: ['./podinfo', '--port=9898', '--port-metrics=9797', '--grpc-port=9999'],
        }),
      ),
    ).toEqual(['9898/TCP', '9797/TCP', '9999/TCP']);
  });

  it('does not guess: an unknown image or a replaced command is unknown', () => {
    expect(imagePorts(c('example.com/team/api:1'))).toBeUndefined();
    expect(imagePorts(c('busybox'))).toBeUndefined();
    expect(imagePorts(c('nginx', { command: ['sh', '-c', 'python3 -m http.server 8000'] }))).toBeUndefined();
    expect(imagePorts({ name: 'c' })).toBeUndefined();
  });

  it('knows the usual sidecars, loopback-only listeners marked', () => {
    const where = (x: Container) =>
      imagePorts(x)?.sockets.map((s) => `${s.ip ? `${s.ip}:` : ''}${s.port}/${s.protocol}`);
    expect(where(c('envoyproxy/envoy:v1.31.0'))).toEqual(['9901/TCP', '10000/TCP']);
    // Its own config replaces the image's: the listeners are unknown.
    expect(
      imagePorts(c('envoyproxy/envoy:v1.31.0', { args: ['-c', '/etc/envoy/mine.yaml'] })),
    ).toBeUndefined();
    expect(
      where(c('docker.io/istio/proxyv2:1.24.0', { args: ['proxy', 'sidecar', '--domain', 'x'] })),
    ).toEqual(['127.0.0.1:15000/TCP', '15001/TCP', '15006/TCP', '15020/TCP', '15021/TCP', '15090/TCP']);
    expect(imagePorts(c('istio/proxyv2:1.24.0', { args: ['proxy', 'router'] }))).toBeUndefined();
    expect(where(c('cr.l5d.io/linkerd/proxy:edge-24.11.8'))).toEqual([
      '127.0.0.1:4140/TCP',
      '4143/TCP',
      '4190/TCP',
      '127.0.0.1:4191/TCP',
    ]);
    expect(
      where(
        c('cr.l5d.io/linkerd/proxy:stable-2.14.10', {
          env: [
            { name: 'LINKERD2_PROXY_ADMIN_LISTEN_ADDR', value: '0.0.0.0:4191' },
            { name: 'LINKERD2_PROXY_INBOUND_LISTEN_ADDR', value: '[::]:4143' },
            { name: 'LINKERD2_PROXY_OUTBOUND_LISTEN_ADDRS', value: '127.0.0.1:4140,[::1]:4140' },
          ],
        }),
      ),
    ).toEqual(['127.0.0.1:4140/TCP', '4143/TCP', '4190/TCP', '4191/TCP']);
  });
});
