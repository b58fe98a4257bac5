/**
 * What well-known images listen on. A container's `ports` list is informational ("Not specifying a port
 * here DOES NOT prevent that port from being exposed", core/v1 Container.ports): the program in the image
 * decides. For the images below svclab knows where the program binds by default and which flags or
 * environment variables move it; for any other image it takes the declared containerPorts, and says so.
 * Never from a probe or a Service's targetPort: those are exactly what a student gets wrong.
 *
 * Each entry names where its ports come from (the image's documentation or its Dockerfile/entrypoint).
 *
 * @example
 * imagePorts({ name: 'web', image: 'nginx:1.27' }); // { image: "nginx", sockets: [{ port: 80, protocol: "TCP" }] }
 * imagePorts({ name: 'x', image: 'example.com/mine:1' }); // undefined: not in the catalogue
 */
import type { Container, Protocol } from '../k8s/objects';

export interface ImageSocket {
  port: number;
  protocol: Protocol;
  /** Loopback only (reachable from the pod itself, never through a Service); all interfaces when absent. */
  ip?: '127.0.0.1';
}

export interface ImagePorts {
  /** The catalogue's name for the image ("nginx", "ingress-nginx controller"). */
  image: string;
  sockets: ImageSocket[];
}

const tcp = (...ports: number[]): ImageSocket[] => ports.map((port) => ({ port, protocol: 'TCP' as const }));

/** The image's repository without registry, tag or digest: "docker.io/library/nginx:1.27" → "nginx". */
export function imageRepository(image: string): string {
  let ref = image.trim().toLowerCase();
  const at = ref.indexOf('@');
  if (at >= 0) ref = ref.slice(0, at);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  const parts = ref.split('/');
  // A first part with a dot or a port, or "localhost", is a registry host.
  if (parts.length > 1 && (/[.:]/.test(parts[0]!) || parts[0] === 'localhost')) parts.shift();
  if (parts[0] === 'library') parts.shift();
  return parts.join('/');
}

/** The container's command line (command, then args), for the flags that move a port. */
function argv(c: Container): string[] {
  return [...(c.command ?? []), ...(c.args ?? [])].filter((a): a is string => typeof a === 'string');
}

/** The value of `--name=V`, `--name V`, `-name=V` or `-name V` (Go's flag package takes one or two dashes). */
function flag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    for (const prefix of [`--${name}`, `-${name}`]) {
      if (a === prefix) return args[i + 1];
      if (a.startsWith(`${prefix}=`)) return a.slice(prefix.length + 1);
    }
  }
  return undefined;
}

const portOf = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const m = /(?:^|:)(\d{1,5})$/.exec(v.trim());
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 65535 ? n : undefined;
};

/** A literal env value (valueFrom is not resolved here). */
function envValue(c: Container, name: string): string | undefined {
  const e = (c.env ?? []).find((x) => x && x.name === name);
  return typeof e?.value === 'string' ? e.value : undefined;
}

interface Entry {
  /** Repositories (imageRepository form) this entry covers. */
  repos: string[];
  name: string;
  /** Where the ports come from. */
  source: string;
  /** The sockets for this container, or undefined when its command line makes them unknowable. */
  sockets: (c: Container) => ImageSocket[] | undefined;
}

/** A fixed set of ports, unless the container replaces the image's command (then unknown). */
const fixed =
  (sockets: ImageSocket[]) =>
  (c: Container): ImageSocket[] | undefined =>
    c.command?.length ? undefined : sockets;

/** Online Boutique's services read PORT (their manifests set it), with these defaults in their code. */
const boutique = (service: string, port: number): Entry => ({
  // The registry's project varies (gcr.io/google-samples, us-central1-docker.pkg.dev/online-boutique-ci,
  // …); the last two path parts do not.
  repos: [`microservices-demo/${service}`],
  name: `Online Boutique ${service}`,
  source: 'GoogleCloudPlatform/microservices-demo src/<service> (PORT)',
  sockets: (c) => tcp(portOf(envValue(c, 'PORT')) ?? port),
});

/** A program's listen address ("0.0.0.0:4143", "127.0.0.1:4140", "[::1]:4140") as a socket, or undefined. */
function listenAddress(v: string | undefined): ImageSocket | undefined {
  const first = v?.split(',')[0]?.trim();
  const port = portOf(first);
  if (first === undefined || port === undefined) return undefined;
  const loopback = /^(127\.0\.0\.1|localhost|\[::1\]):/.test(first);
  return { port, protocol: 'TCP', ...(loopback ? { ip: '127.0.0.1' as const } : {}) };
}

/**
 * The Linkerd proxy (a sidecar, native with config.alpha.linkerd.io/proxy-enable-native-sidecar): each
 * listener from its LINKERD2_PROXY_*_LISTEN_ADDR variable, else linkerd2-proxy's defaults (env.rs):
 * outbound 127.0.0.1:4140, inbound 0.0.0.0:4143, control 0.0.0.0:4190, admin 127.0.0.1:4191 (the injector
 * sets the admin address to 0.0.0.0:4191 so that the kubelet's probes reach it).
 */
function linkerdProxy(c: Container): ImageSocket[] {
  const listener = (name: string, fallback: string): ImageSocket[] => {
    const s =
      listenAddress(envValue(c, `LINKERD2_PROXY_${name}_LISTEN_ADDR`)) ??
      listenAddress(envValue(c, `LINKERD2_PROXY_${name}_LISTEN_ADDRS`)) ??
      listenAddress(fallback);
    return s ? [s] : [];
  };
  return [
    ...listener('OUTBOUND', '127.0.0.1:4140'),
    ...listener('INBOUND', '0.0.0.0:4143'),
    ...listener('CONTROL', '0.0.0.0:4190'),
    ...listener('ADMIN', '127.0.0.1:4191'),
  ];
}

const ENTRIES: Entry[] = [
  {
    repos: ['nginx', 'nginx-slim', 'google-samples/hello-frontend'],
    name: 'nginx',
    source:
      'nginx image: default.conf listen 80 (registry.k8s.io/nginx-slim; hello-frontend, the Kubernetes tutorial frontend-nginx.conf: listen 80)',
    sockets: fixed(tcp(80)),
  },
  {
    repos: ['nginxinc/nginx-unprivileged'],
    name: 'nginx-unprivileged',
    source: 'nginxinc/docker-nginx-unprivileged: listen 8080',
    sockets: fixed(tcp(8080)),
  },
  { repos: ['httpd'], name: 'httpd', source: 'httpd image: Listen 80', sockets: fixed(tcp(80)) },
  {
    repos: ['redis', 'google_samples/gb-redis-follower', 'google-samples/gb-redis-follower'],
    name: 'redis',
    source: 'redis image: port 6379 (--port moves it)',
    sockets: (c) => tcp(portOf(flag(argv(c), 'port')) ?? 6379),
  },
  { repos: ['postgres'], name: 'postgres', source: 'postgres image: 5432', sockets: fixed(tcp(5432)) },
  {
    repos: ['mysql'],
    name: 'mysql',
    source: 'mysql image: 3306, X Protocol 33060',
    sockets: fixed(tcp(3306, 33060)),
  },
  { repos: ['mongo'], name: 'mongo', source: 'mongo image: 27017', sockets: fixed(tcp(27017)) },
  {
    repos: ['prom/prometheus'],
    name: 'prometheus',
    source: 'prometheus: --web.listen-address=:9090',
    sockets: (c) => tcp(portOf(flag(argv(c), 'web.listen-address')) ?? 9090),
  },
  {
    repos: ['ingress-nginx/controller', 'ingress-nginx/controller-chroot'],
    name: 'ingress-nginx controller',
    source:
      'ingress-nginx: --http-port 80, --https-port 443, --healthz-port 10254, webhook --validating-webhook=:8443',
    sockets: (c) => {
      const a = argv(c);
      const webhook = portOf(flag(a, 'validating-webhook'));
      return tcp(
        portOf(flag(a, 'http-port')) ?? 80,
        portOf(flag(a, 'https-port')) ?? 443,
        portOf(flag(a, 'healthz-port')) ?? 10254,
        ...(webhook ? [webhook] : []),
      );
    },
  },
  {
    repos: ['coredns/coredns'],
    name: 'CoreDNS',
    source: "kubeadm's Corefile: .:53, health :8080, ready :8181, prometheus :9153",
    sockets: fixed([{ port: 53, protocol: 'UDP' }, ...tcp(53, 8080, 8181, 9153)]),
  },
  {
    repos: ['e2e-test-images/agnhost'],
    name: 'agnhost',
    source:
      'kubernetes test/images/agnhost: netexec --http-port 8080 --udp-port 8081, serve-hostname --port 9376',
    sockets: (c) => {
      const a = argv(c).filter((x) => x !== '/agnhost' && x !== 'agnhost');
      if (a[0] === 'netexec') {
        const udp = Number(flag(a, 'udp-port') ?? 8081);
        return [
          ...tcp(portOf(flag(a, 'http-port')) ?? 8080),
          ...(udp > 0 ? [{ port: udp, protocol: 'UDP' as const }] : []),
        ];
      }
      if (a[0] === 'serve-hostname') {
        const port = portOf(flag(a, 'port')) ?? 9376;
        const wantUdp = flag(a, 'udp') === 'true';
        const wantTcp = flag(a, 'tcp') !== 'false' || !wantUdp;
        return [...(wantTcp ? tcp(port) : []), ...(wantUdp ? [{ port, protocol: 'UDP' as const }] : [])];
      }
      if (a[0] === 'pause') return [];
      return undefined;
    },
  },
  {
    repos: ['hashicorp/http-echo'],
    name: 'http-echo',
    source: 'hashicorp/http-echo: -listen=:5678',
    sockets: (c) => tcp(portOf(flag(argv(c), 'listen')) ?? 5678),
  },
  {
    repos: ['openzipkin/zipkin'],
    name: 'zipkin',
    source: 'openzipkin/zipkin: 9411',
    sockets: fixed(tcp(9411)),
  },
  {
    repos: ['ealen/echo-server', 'e2e-test-images/echoserver', 'echoserver'],
    name: 'echoserver',
    source: 'echoserver: 8080 (PORT)',
    sockets: (c) => tcp(portOf(envValue(c, 'PORT')) ?? 8080),
  },
  {
    repos: ['stefanprodan/podinfo'],
    name: 'podinfo',
    source: 'stefanprodan/podinfo: --port 9898, --port-metrics, --grpc-port (0 = off)',
    sockets: (c) => {
      const a = argv(c);
      const extra = [portOf(flag(a, 'port-metrics')), portOf(flag(a, 'grpc-port'))].filter(
        (p): p is number => p !== undefined,
      );
      return tcp(portOf(flag(a, 'port')) ?? 9898, ...extra);
    },
  },
  ...['productpage', 'details', 'reviews', 'ratings'].flatMap((s): Entry[] =>
    ['v1', 'v2', 'v3'].map((v) => ({
      repos: [`istio/examples-bookinfo-${s}-${v}`],
      name: `bookinfo ${s}`,
      source: 'istio samples/bookinfo: every service on 9080',
      sockets: fixed(tcp(9080)),
    })),
  ),
  boutique('frontend', 8080),
  boutique('cartservice', 7070),
  boutique('productcatalogservice', 3550),
  boutique('currencyservice', 7000),
  boutique('paymentservice', 50051),
  boutique('shippingservice', 50051),
  boutique('emailservice', 8080),
  boutique('checkoutservice', 5050),
  boutique('recommendationservice', 8080),
  boutique('adservice', 9555),
  {
    repos: ['microservices-demo/loadgenerator'],
    name: 'Online Boutique loadgenerator',
    source: 'microservices-demo loadgenerator: a client, listens on nothing',
    sockets: () => [],
  },
  {
    repos: ['google_samples/gb-frontend', 'google-samples/gb-frontend'],
    name: 'guestbook frontend',
    source: 'kubernetes/examples guestbook: Apache on 80',
    sockets: fixed(tcp(80)),
  },
  {
    repos: ['google-samples/cassandra', 'google_samples/cassandra'],
    name: 'cassandra',
    source: 'kubernetes/examples cassandra: 7000, 7001, 7199, 9042',
    sockets: fixed(tcp(7000, 7001, 7199, 9042)),
  },
  {
    // kubernetes-sigs/gateway-api-conformance-images echo-basic.go and grpc/grpc.go: GRPC_ECHO_SERVER
    // runs the gRPC echo server instead of the HTTP one (TLS only when both its TLS variables are set).
    repos: ['echo-basic'],
    name: 'gateway-api echo-basic',
    source:
      'gateway-api-conformance-images echo-basic: HTTP_PORT 3000, H2C_PORT 3001, HTTPS_PORT 8443 with TLS; GRPC_ECHO_SERVER: gRPC on HTTP_PORT',
    sockets: (c) => {
      if (c.command?.length) return undefined;
      const port = (name: string, def: number): number => portOf(envValue(c, name)) ?? def;
      if ((envValue(c, 'GRPC_ECHO_SERVER') ?? '') !== '') {
        const tls = envValue(c, 'TLS_SERVER_CERT') && envValue(c, 'TLS_SERVER_PRIV_KEY');
        return tcp(port('HTTP_PORT', 3000), ...(tls ? [port('HTTPS_PORT', 8443)] : []));
      }
      const tls = envValue(c, 'TLS_SERVER_CERT') && envValue(c, 'TLS_SERVER_PRIVKEY');
      return tcp(port('HTTP_PORT', 3000), port('H2C_PORT', 3001), ...(tls ? [port('HTTPS_PORT', 8443)] : []));
    },
  },
  {
    repos: ['traefik/whoami'],
    name: 'whoami',
    source: 'traefik/whoami: --port 80',
    sockets: (c) => tcp(portOf(flag(argv(c), 'port')) ?? 80),
  },
  {
    repos: ['envoyproxy/envoy', 'envoyproxy/envoy-distroless'],
    name: 'Envoy',
    // Any command or args replace `envoy -c /etc/envoy/envoy.yaml`, and with it the listeners.
    source:
      'envoyproxy/envoy image: /etc/envoy/envoy.yaml (configs/envoyproxy_io_proxy.yaml): admin :9901, listener :10000',
    sockets: (c) => (c.command?.length || c.args?.length ? undefined : tcp(9901, 10000)),
  },
  {
    repos: ['istio/proxyv2'],
    name: 'Istio sidecar proxy',
    source:
      'istio.io "Ports used by Istio": Envoy admin 127.0.0.1:15000, outbound 15001, inbound 15006, merged metrics 15020, health 15021, Envoy metrics 15090',
    // `pilot-agent proxy sidecar …`; a gateway (`proxy router`) listens where its Gateway resources say.
    sockets: (c) => {
      const a = argv(c);
      if (a[0] !== 'proxy' || a[1] !== 'sidecar') return undefined;
      return [{ port: 15000, protocol: 'TCP', ip: '127.0.0.1' }, ...tcp(15001, 15006, 15020, 15021, 15090)];
    },
  },
  {
    repos: ['linkerd/proxy'],
    name: 'Linkerd proxy',
    source: 'linkerd2-proxy env.rs: LINKERD2_PROXY_{OUTBOUND,INBOUND,CONTROL,ADMIN}_LISTEN_ADDR',
    sockets: linkerdProxy,
  },
  { repos: ['pause'], name: 'pause', source: 'the pause container listens on nothing', sockets: () => [] },
];

const BY_REPO = new Map<string, Entry>();
for (const e of ENTRIES) for (const r of e.repos) BY_REPO.set(r, e);

/**
 * The image's catalogue entry for `repo`, trying the repository and then its last two and last one path
 * parts (registries nest the same image differently: gcr.io/google-samples/…, us-central1-docker.pkg.dev/
 * google-samples/microservices-demo/…, registry.k8s.io/e2e-test-images/…).
 */
function entryFor(repo: string): Entry | undefined {
  const parts = repo.split('/');
  for (let i = 0; i < parts.length; i++) {
    const e = BY_REPO.get(parts.slice(i).join('/'));
    if (e) return e;
  }
  return undefined;
}

/**
 * What a container's image listens on, or undefined when svclab does not know (an image not in the
 * catalogue, or a command line that replaces the image's program).
 */
export function imagePorts(c: Container): ImagePorts | undefined {
  if (typeof c.image !== 'string' || c.image === '') return undefined;
  const e = entryFor(imageRepository(c.image));
  if (!e) return undefined;
  const sockets = e.sockets(c);
  return sockets ? { image: e.name, sockets } : undefined;
}
