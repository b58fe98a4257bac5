/**
 * The outcome of a request (`Trace.explanation`): why it was delivered, refused, dropped or timed out, in
 * Kubernetes words. Names, addresses and ports are parameters; a name comes before the Korean noun it
 * names ("default/web 서비스") so that particles attach to Korean words.
 */
import { defineMessages, type Msg, type RenderNested } from './define';
import { josa } from './josa';

const lit = (text: string): Msg => ({ id: 'common.literal', params: { text } });

export const sim = defineMessages({
  'sim.noEndpoints.unknown': {
    en: (p: { service: string }) => `Service ${p.service} has no ready endpoints.`,
    ko: (p) => `${p.service} 서비스에는 준비된 엔드포인트가 없습니다.`,
    example: { service: 'default/web' },
  },
  'sim.noEndpoints.noSelector': {
    en: (p: { service: string }) =>
      `Service ${p.service} has no selector and no ready addresses in its EndpointSlices, so it has no endpoints.`,
    ko: (p) =>
      `${p.service} 서비스에는 셀렉터가 없고 엔드포인트슬라이스에도 준비된 주소가 없어서, 엔드포인트가 하나도 없습니다.`,
    example: { service: 'default/legacy' },
  },
  'sim.noEndpoints.noSelectorFamily': {
    en: (p: { service: string; family: 'IPv4' | 'IPv6' }) =>
      `Service ${p.service} has no selector, and none of its EndpointSlices of addressType ${p.family} has a ready address: its endpoints are all of the other family, so connections to its ${p.family} addresses have none.`,
    ko: (p) =>
      `${p.service} 서비스에는 셀렉터가 없고, addressType이 ${p.family}인 엔드포인트슬라이스에는 준비된 주소가 없습니다. 엔드포인트가 모두 다른 패밀리라서 ${p.family} 주소로 온 연결에는 엔드포인트가 없습니다.`,
    example: { service: 'default/web', family: 'IPv6' },
  },
  'sim.noEndpoints.noMatch': {
    en: (p: { service: string; selector: string; namespace: string }) =>
      `Service ${p.service} has no ready endpoints: its selector ${p.selector} matches no pod in namespace ${p.namespace}.`,
    ko: (p) =>
      `${p.service} 서비스에는 준비된 엔드포인트가 없습니다. ${p.namespace} 네임스페이스에 셀렉터 ${p.selector}에 맞는 파드가 하나도 없습니다.`,
    example: { service: 'default/web', selector: 'app=web', namespace: 'default' },
  },
  'sim.noEndpoints.terminating': {
    en: (p: { service: string }) =>
      `Service ${p.service} has no ready endpoints: every pod its selector matches is terminating.`,
    ko: (p) =>
      `${p.service} 서비스에는 준비된 엔드포인트가 없습니다. 셀렉터에 맞는 파드가 모두 종료 중입니다.`,
    example: { service: 'default/web' },
  },
  'sim.noEndpoints.notReady': {
    en: (p: { service: string; count: number; probe: boolean }) =>
      `Service ${p.service} has no ready endpoints: its selector matches ${p.count} pod(s), but none is Ready${p.probe ? ' (the readiness probe is failing)' : ''}.`,
    ko: (p) =>
      `${p.service} 서비스에는 준비된 엔드포인트가 없습니다. 셀렉터에 맞는 파드는 ${p.count}개 있지만 Ready인 파드가 없습니다${p.probe ? '(준비성 프로브가 실패하고 있습니다)' : ''}.`,
    example: { service: 'default/api', count: 2, probe: true },
  },
  'sim.noEndpoints.port': {
    en: (p: { service: string }) =>
      `Service ${p.service} has no ready endpoints for this port: check that the port's targetPort names a port the pods declare.`,
    ko: (p) =>
      `${p.service} 서비스에는 이 포트의 준비된 엔드포인트가 없습니다. 포트의 targetPort가 파드에 선언된 포트 이름을 가리키는지 확인하세요.`,
    example: { service: 'default/web' },
  },

  'sim.block.reject': {
    en: (p: { why: Msg; node: string }, r: RenderNested) =>
      `${r(p.why)} kube-proxy on ${p.node} REJECTs the connection, so the client sees "connection refused" at once.`,
    ko: (p, r) =>
      `${r(p.why)} ${p.node} 노드의 kube-proxy가 연결을 REJECT하므로, 클라이언트는 곧바로 "connection refused"를 받습니다.`,
    example: { why: { id: 'sim.noEndpoints.unknown', params: { service: 'default/web' } }, node: 'node-1' },
  },
  'sim.block.firewall': {
    en: (p: { client: string; service: string; node: string; chain?: string }) =>
      `${p.client} is not in Service ${p.service}'s loadBalancerSourceRanges, so kube-proxy on ${p.node} drops the packet (${p.chain ?? 'KUBE-PROXY-FIREWALL'}); the client waits until it times out.`,
    ko: (p) =>
      `클라이언트 주소(${p.client})가 ${p.service} 서비스의 loadBalancerSourceRanges에 없어서, ${p.node} 노드의 kube-proxy가 패킷을 버립니다(${p.chain ?? 'KUBE-PROXY-FIREWALL'}). 클라이언트는 시간 초과가 날 때까지 기다립니다.`,
    example: { client: '203.0.113.10', service: 'default/web', node: 'node-1', chain: 'KUBE-PROXY-FIREWALL' },
  },
  'sim.block.unallocated': {
    en: (p: { ip: string; node: string; rule: string }) =>
      `${p.ip} is inside a Service CIDR but no Service has it as its ClusterIP. In nftables mode kube-proxy on ${p.node} drops new traffic to unallocated ClusterIPs (cluster-ips-check: \`${p.rule}\`), so the client waits until it times out.`,
    ko: (p) =>
      `${p.ip} 주소는 서비스 CIDR 안에 있지만 이 주소를 클러스터 IP로 가진 서비스가 없습니다. nftables 모드에서는 ${p.node} 노드의 kube-proxy가 할당되지 않은 클러스터 IP로 가는 새 패킷을 버리므로(cluster-ips-check: \`${p.rule}\`), 클라이언트는 시간 초과가 날 때까지 기다립니다.`,
    example: {
      ip: '10.96.200.200',
      node: 'node-1',
      rule: 'ip daddr 10.96.0.0/12 drop comment "Drop traffic to unallocated ClusterIPs"',
    },
  },
  'sim.block.local': {
    en: (p: { service: string; node: string }) =>
      `Service ${p.service} has externalTrafficPolicy Local (or internalTrafficPolicy Local) and ${p.node} has no ready pod of it, so kube-proxy on ${p.node} drops the packet instead of forwarding it to another node; the client waits until it times out.`,
    ko: (p) =>
      `${p.service} 서비스는 externalTrafficPolicy(또는 internalTrafficPolicy)가 Local인데 ${p.node} 노드에는 준비된 파드가 없습니다. 그래서 ${p.node} 노드의 kube-proxy는 다른 노드로 넘기지 않고 패킷을 버리며, 클라이언트는 시간 초과가 날 때까지 기다립니다.`,
    example: { service: 'default/echo-local', node: 'node-1' },
  },
  'sim.block.ipvsLocal': {
    en: (p: { service: string; node: string; virtualServer: string }) =>
      `Service ${p.service} has internalTrafficPolicy Local and ${p.node} has no ready pod of it, so kube-proxy on ${p.node} (IPVS mode) gives its virtual server ${p.virtualServer} no real server instead of sending the packet to another node. IPVS answers ICMP port unreachable, so the client sees "connection refused" at once (iptables and nftables modes drop the packet instead, and the client times out).`,
    ko: (p) =>
      `${p.service} 서비스는 internalTrafficPolicy가 Local인데 ${p.node} 노드에는 준비된 파드가 없습니다. 그래서 IPVS 모드의 ${p.node} 노드 kube-proxy는 패킷을 다른 노드로 넘기지 않고, 가상 서버 ${p.virtualServer}에 리얼 서버를 하나도 두지 않습니다. IPVS가 ICMP port unreachable로 응답하므로 클라이언트는 곧바로 "connection refused"를 받습니다(iptables 모드와 nftables 모드에서는 패킷을 버리므로 클라이언트가 시간 초과가 날 때까지 기다립니다).`,
    example: { service: 'default/web', node: 'node-1', virtualServer: 'TCP 10.96.0.20:80' },
  },
  'sim.block.drop': {
    en: (p: { node: string }) =>
      `kube-proxy on ${p.node} drops the packet; the client waits until it times out.`,
    ko: (p) =>
      `${p.node} 노드의 kube-proxy가 패킷을 버립니다. 클라이언트는 시간 초과가 날 때까지 기다립니다.`,
    example: { node: 'node-1' },
  },

  'sim.icmpToVip': {
    en: (p: { ip: string; service: string; external: boolean }) =>
      `${p.ip} is the ${p.external ? 'external IP' : 'ClusterIP'} of Service ${p.service}: a virtual address that exists only as kube-proxy DNAT rules for the Service's TCP/UDP/SCTP ports. No rule matches ICMP and no interface owns the address, so the ping gets no answer; TCP to a Service port works.`,
    ko: (p) =>
      `${p.ip} 주소는 ${p.service} 서비스의 ${p.external ? '외부 IP' : '클러스터 IP'}입니다. 이 주소는 서비스의 TCP/UDP/SCTP 포트에 대한 kube-proxy의 DNAT 규칙으로만 존재하는 가상 주소입니다. ICMP에 맞는 규칙이 없고 이 주소를 가진 인터페이스도 없으므로 ping에는 응답이 없습니다. 서비스 포트로 보내는 TCP는 잘 동작합니다.`,
    example: { ip: '10.96.0.10', service: 'default/web', external: false },
  },
  'sim.noServicePort': {
    en: (p: { ip: string; port: number; protocol: string; service: string; ports: string[] }) =>
      `${p.ip} belongs to Service ${p.service}, which has no port ${p.port}/${p.protocol} (it has ${p.ports.length ? p.ports.join(', ') : 'none'}). No kube-proxy rule matches, nobody owns the address, and the connection times out.`,
    ko: (p) =>
      `${p.ip} 주소는 ${p.service} 서비스의 것인데, 이 서비스에는 ${p.port}/${p.protocol} 포트가 없습니다(있는 포트: ${p.ports.length ? p.ports.join(', ') : '없음'}). 맞는 kube-proxy 규칙도, 이 주소를 가진 인터페이스도 없으므로 연결은 시간 초과로 끝납니다.`,
    example: {
      ip: '10.96.0.10',
      port: 53,
      protocol: 'TCP',
      service: 'kube-system/kube-dns',
      ports: ['53/UDP'],
    },
  },
  'sim.noRuleCaptured': {
    en: (p: { node: string; ip: string; port: number }) =>
      `No kube-proxy rule on ${p.node} captured ${p.ip}:${p.port}; nobody owns the address and the request times out.`,
    ko: (p) =>
      `${p.node} 노드에는 ${p.ip}:${p.port} 주소로 가는 패킷을 잡는 kube-proxy 규칙이 없습니다. 이 주소를 가진 곳이 없으므로 요청은 시간 초과로 끝납니다.`,
    example: { node: 'node-1', ip: '10.96.0.10', port: 80 },
  },
  'sim.loop': {
    en: (_: object) => 'The packet loops between nodes and never arrives.',
    ko: () => '패킷이 노드 사이를 맴돌기만 하고 목적지에 닿지 못합니다.',
    example: {},
  },
  'sim.lbFromInside': {
    en: (p: { node: string; ip: string }) =>
      `kube-proxy on ${p.node} did not capture ${p.ip} (the load balancer's address), and svclab does not simulate traffic leaving the cluster for the cloud load balancer.`,
    ko: (p) =>
      `${p.node} 노드의 kube-proxy가 로드밸런서 주소(${p.ip})로 가는 패킷을 잡지 않았습니다. svclab은 클러스터를 떠나 클라우드 로드밸런서로 가는 트래픽은 시뮬레이션하지 않습니다.`,
    example: { node: 'node-1', ip: '198.51.100.1' },
  },
  'sim.hop.lbProxyMode': {
    en: (p: { ip: string; node: string; service: string }) =>
      `${p.ip} is the load balancer's address of ${p.service} with ipMode Proxy: kube-proxy writes no rule for it, so the packet leaves ${p.node} for the load balancer over the provider network, and comes back in the way an outside client's does.`,
    ko: (p) =>
      `${p.ip} 주소는 ${p.service} 서비스의 로드밸런서 주소이고 ipMode가 Proxy입니다. kube-proxy는 이 주소에 규칙을 만들지 않으므로 패킷은 ${p.node} 노드를 떠나 클라우드 공급자의 네트워크로 로드밸런서까지 갔다가, 클러스터 밖 클라이언트의 요청과 같은 길로 다시 들어옵니다.`,
    example: { ip: '198.51.100.1', node: 'node-1', service: 'default/web' },
  },
  'sim.outside.unrouted': {
    en: (p: { ip: string; service: string | null; block: string; node: string; icmp: boolean }) =>
      `${p.ip} is outside the cluster${p.service ? ` (an endpoint of Service ${p.service})` : ''}, in ${p.block}: documentation space that no network routes, and svclab simulates no host there. The ${p.icmp ? 'echo request' : 'SYN'} leaves ${p.node} by its default gateway and nothing answers (no reset, no ICMP error), so the ${p.icmp ? 'ping gets no reply' : 'connection attempt times out'}.`,
    ko: (p) =>
      `${p.ip} 주소는 클러스터 밖에 있습니다${p.service ? `(${p.service} 서비스의 엔드포인트)` : ''}. ${p.block}에 속하는 문서용 주소라서 어떤 네트워크도 라우팅하지 않고, svclab도 그곳에 호스트를 두지 않습니다. ${josa(p.icmp ? 'echo 요청' : 'SYN', '은/는')} ${p.node} 노드의 기본 게이트웨이로 나가지만 아무도 응답하지 않으므로(RST도 ICMP 오류도 없음) ${p.icmp ? 'ping에 응답이 없습니다' : '연결 시도는 시간 초과로 끝납니다'}.`,
    example: {
      ip: '192.0.2.80',
      service: 'default/legacy-api',
      block: '192.0.2.0/24 (TEST-NET-1, RFC 5737)',
      node: 'node-1',
      icmp: false,
    },
  },
  'sim.outside.unknown': {
    en: (p: { ip: string; service: string | null }) =>
      `${p.ip} is outside the cluster${p.service ? ` (an endpoint of Service ${p.service})` : ''}. svclab simulates no hosts outside the cluster, so it cannot say what answers there.`,
    ko: (p) =>
      `${p.ip} 주소는 클러스터 밖에 있습니다${p.service ? `(${p.service} 서비스의 엔드포인트)` : ''}. svclab은 클러스터 밖의 호스트를 시뮬레이션하지 않으므로, 그곳에서 무엇이 응답할지는 알 수 없습니다.`,
    example: { ip: '8.8.8.8', service: null },
  },
  'sim.external.clusterIp': {
    en: (p: { ip: string; service: string }) =>
      `${p.ip} is the ClusterIP of Service ${p.service}: a virtual address that exists only as kube-proxy rules inside the cluster's nodes, so the outside network has no route to it. Use a NodePort or LoadBalancer Service (or an Ingress) to reach it from outside.`,
    ko: (p) =>
      `${p.ip} 주소는 ${p.service} 서비스의 클러스터 IP입니다. 클러스터 노드 안의 kube-proxy 규칙으로만 존재하는 가상 주소라서, 바깥 네트워크에는 이 주소로 가는 경로가 없습니다. 밖에서 접근하려면 노드포트나 로드밸런서 서비스(또는 인그레스)를 쓰세요.`,
    example: { ip: '10.96.0.10', service: 'default/web' },
  },
  'sim.external.podIp': {
    en: (p: { ip: string; pod: string }) =>
      `${p.ip} is a pod address (${p.pod}); the pod network is an overlay inside the cluster, so the outside network has no route to it.`,
    ko: (p) =>
      `${p.ip} 주소는 ${p.pod} 파드의 IP입니다. 파드 네트워크는 클러스터 안의 오버레이라서, 바깥 네트워크에는 이 주소로 가는 경로가 없습니다.`,
    example: { ip: '10.244.1.5', pod: 'default/web-7c9d8-abcde' },
  },
  'sim.external.nothing': {
    en: (p: { ip: string }) =>
      `Nothing owns ${p.ip}: it is neither a node, a load balancer nor an external IP of a Service.`,
    ko: (p) => `${p.ip} 주소를 가진 곳이 없습니다. 노드도, 로드밸런서도, 서비스의 외부 IP도 아닙니다.`,
    example: { ip: '192.168.77.1' },
  },
  'sim.nodeRefuses': {
    en: (p: { node: string; port: number; protocol: string; hostPort: Msg | null }, r: RenderNested) =>
      `Nothing on ${p.node} listens on ${p.port}/${p.protocol} and no kube-proxy rule (NodePort) matched it, so the node refuses the connection.${p.hostPort ? ` ${r(p.hostPort)}` : ''}`,
    ko: (p, r) =>
      `${p.node} 노드에는 ${p.port}/${p.protocol}에서 기다리는 프로세스가 없고 맞는 kube-proxy 규칙(노드포트)도 없어서, 노드가 연결을 거부합니다.${p.hostPort ? ` ${r(p.hostPort)}` : ''}`,
    example: {
      node: 'node-1',
      port: 8080,
      protocol: 'TCP',
      hostPort: {
        id: 'sim.hostPortElsewhere',
        params: { pods: ['default/agent'], nodes: ['node-2'], port: 8080 },
      },
    },
  },
  'sim.hostPortElsewhere': {
    en: (p: { pods: string[]; nodes: string[]; port: number }) =>
      `Pod ${p.pods.map((pod, i) => `${pod} on ${p.nodes[i] ?? '?'}`).join(', ')} has hostPort ${p.port}, but a hostPort is opened (by the CNI portmap plugin) only on the node where that pod runs: use that node's address, or a NodePort Service, which opens its port on every node.`,
    ko: (p) =>
      `${p.pods.map((pod, i) => `${pod} 파드(${p.nodes[i] ?? '?'} 노드)`).join(', ')}에 hostPort ${p.port}번이 있지만, hostPort는 그 파드가 실행 중인 노드에서만 (CNI portmap 플러그인이) 엽니다. 그 노드의 주소를 쓰거나, 모든 노드에서 포트를 여는 노드포트 서비스를 쓰세요.`,
    example: { pods: ['default/agent'], nodes: ['node-2'], port: 8080 },
  },
  'sim.podRefuses.loopback': {
    en: (p: { pod: string; port: number; protocol: string }) =>
      `Pod ${p.pod} listens on 127.0.0.1:${p.port}/${p.protocol} only, so connections from outside the pod are refused: the kernel ${p.protocol === 'UDP' ? 'answers with ICMP port unreachable' : 'answers with a TCP reset'}. The app must bind 0.0.0.0 to be reachable through a Service.`,
    ko: (p) =>
      `${p.pod} 파드는 127.0.0.1:${p.port}/${p.protocol}에서만 기다리므로, 파드 밖에서 온 연결은 거부됩니다. 커널이 ${josa(p.protocol === 'UDP' ? 'ICMP port unreachable' : 'TCP RST', '으로/로')} 응답합니다. 서비스를 통해 닿으려면 앱이 0.0.0.0에 바인딩해야 합니다.`,
    example: { pod: 'api-0', port: 8080, protocol: 'TCP' },
  },
  'sim.podRefuses.closed': {
    en: (
      p: { pod: string; port: number; protocol: string; listening: string[]; basis?: Msg[] },
      r: RenderNested,
    ) =>
      `Nothing in pod ${p.pod} listens on ${p.port}/${p.protocol} (it listens on ${p.listening.length ? p.listening.join(', ') : 'nothing'}), so the pod's kernel ${p.protocol === 'UDP' ? 'answers with ICMP port unreachable' : 'answers with a TCP reset'}: connection refused. Check the Service's targetPort against the port the container really uses.${(p.basis ?? []).map((b) => ` ${r(b)}`).join('')}`,
    ko: (p, r) =>
      `${p.pod} 파드에는 ${p.port}/${p.protocol}에서 기다리는 프로세스가 없습니다(기다리는 포트: ${p.listening.length ? p.listening.join(', ') : '없음'}). 그래서 파드의 커널이 ${josa(p.protocol === 'UDP' ? 'ICMP port unreachable' : 'TCP RST', '으로/로')} 응답하고, 연결이 거부됩니다. 서비스의 targetPort가 컨테이너가 실제로 쓰는 포트와 같은지 확인하세요.${(p.basis ?? []).map((b) => ` ${r(b)}`).join('')}`,
    example: {
      pod: 'web-0',
      port: 9090,
      protocol: 'TCP',
      listening: ['80/TCP'],
      basis: [{ id: 'listen.image', params: { container: 'web', image: 'nginx', sockets: ['80/TCP'] } }],
    },
  },
  'sim.sourceError': {
    en: (p: { error: string | Msg }, r: RenderNested) =>
      `The request has no valid source: ${typeof p.error === 'string' ? p.error : r(p.error)}.`,
    ko: (p, r) => `요청의 출발지가 올바르지 않습니다: ${typeof p.error === 'string' ? p.error : r(p.error)}.`,
    example: { error: 'pods "nope" not found' },
  },
  'sim.notUrl': {
    en: (p: { target: string }) => `"${p.target}" is not a URL.`,
    ko: (p) => `"${p.target}" 값은 URL이 아닙니다.`,
    example: { target: 'http://[' },
  },
  'sim.cannotResolve': {
    en: (p: { host: string }) => `Could not resolve host: ${p.host}`,
    ko: (p) => `호스트네임 ${josa(p.host, '을/를')} 찾지 못했습니다.`,
    example: { host: 'nope' },
  },
  'sim.dnsNoAnswer': {
    en: (p: { server: string; why: Msg }, r: RenderNested) =>
      `The DNS query to ${p.server}:53 got no answer: ${r(p.why)}`,
    ko: (p, r) => `${p.server}:53으로 보낸 DNS 질의에 응답이 없습니다. ${r(p.why)}`,
    example: { server: '10.96.0.10', why: { id: 'sim.loop', params: {} } },
  },
  'sim.tlsToPlain': {
    en: (p: { delivered: Msg }, r: RenderNested) =>
      `${r(p.delivered)} The pod's app speaks plain HTTP, so the TLS handshake fails.`,
    ko: (p, r) => `${r(p.delivered)} 파드의 앱은 평문 HTTP만 말하므로 TLS 핸드셰이크가 실패합니다.`,
    example: { delivered: lit('…') },
  },
});
