/**
 * How a delivered request got where it went (the first sentences of `Trace.explanation`), and the notes
 * of the hops on the way: a pod's socket, a node's routing, conntrack, masquerade, the reply's un-NAT,
 * the links between nodes.
 */
import { defineMessages, type Msg, type RenderNested } from './define';
import { josa } from './josa';

export const simPath = defineMessages({
  'sim.delivered': {
    en: (
      p: { ping: boolean; who: Msg; hostNetworkNode: string | null; via: Msg | null; how: Msg | null },
      r: RenderNested,
    ) =>
      `The ${p.ping ? 'ping' : 'request'} reached ${r(p.who)}${p.hostNetworkNode !== null ? `, a hostNetwork pod: it uses ${p.hostNetworkNode}'s own network namespace and address, so no NAT rule was needed` : ''}${p.via ? ` ${r(p.via)}` : ''}${p.how ? `; ${r(p.how)}` : ''}.`,
    ko: (p, r) =>
      `${josa(p.ping ? 'ping' : '요청', '이/가')} ${r(p.who)}에 도착했습니다.${p.hostNetworkNode !== null ? ` hostNetwork 파드라서 ${p.hostNetworkNode} 노드의 네트워크 네임스페이스와 주소를 그대로 쓰므로 NAT 규칙이 필요 없었습니다.` : ''}${p.via ? ` ${r(p.via)}` : ''}${p.how ? ` ${r(p.how)}` : ''}`,
    example: {
      ping: false,
      who: { id: 'sim.who.pod', params: { pod: 'default/web-7c9d8-abcde', addr: '10.244.1.5:8080' } },
      hostNetworkNode: null,
      via: { id: 'sim.via.service', params: { service: 'default/web' } },
      how: {
        id: 'sim.how.chosen',
        params: { node: 'node-1', count: 3, mode: { id: 'sim.mode.random', params: { mode: 'iptables' } } },
      },
    },
  },
  'sim.who.pod': {
    en: (p: { pod: string; addr: string }) => `pod ${p.pod} (${p.addr})`,
    ko: (p) => `${p.pod} 파드(${p.addr})`,
    example: { pod: 'default/web-7c9d8-abcde', addr: '10.244.1.5:8080' },
  },
  'sim.who.node': {
    en: (p: { node: string }) => `node ${p.node}`,
    ko: (p) => `${p.node} 노드`,
    example: { node: 'node-1' },
  },
  'sim.who.kubeProxy': {
    en: (p: { node: string }) => `kube-proxy on ${p.node}`,
    ko: (p) => `${p.node} 노드의 kube-proxy`,
    example: { node: 'node-1' },
  },
  'sim.via.service': {
    en: (p: { service: string }) => `through Service ${p.service}`,
    ko: (p) => `${p.service} 서비스를 거쳤습니다.`,
    example: { service: 'default/web' },
  },
  'sim.via.hostPort': {
    en: (p: { port: number; protocol: string; node: string; chain: string }) =>
      `through hostPort ${p.port}/${p.protocol} on ${p.node}: the CNI portmap plugin's DNAT (CNI-HOSTPORT-DNAT → ${p.chain}), which exists only on the node where the pod runs; no Service and no kube-proxy rule was involved`,
    ko: (p) =>
      `${p.node} 노드의 hostPort ${p.port}/${josa(p.protocol, '을/를')} 거쳤습니다. 파드가 실행 중인 노드에만 있는 CNI portmap 플러그인의 DNAT(CNI-HOSTPORT-DNAT → ${p.chain})이 보낸 것으로, 서비스도 kube-proxy 규칙도 관여하지 않았습니다.`,
    example: { port: 8080, protocol: 'TCP', node: 'node-2', chain: 'CNI-DN-3a7c1e0b5f9d2c8e6a4b1' },
  },
  'sim.how.conntrack': {
    en: (_: object) =>
      `the connection's conntrack entry sent it to the same endpoint as the connection's first request (keep-alive reuses one connection, so even with sessionAffinity None these requests do not spread)`,
    ko: () =>
      `연결의 conntrack 항목이 그 연결의 첫 요청과 같은 엔드포인트로 보냈습니다(keep-alive는 연결 하나를 다시 쓰므로, sessionAffinity가 None이어도 요청이 여러 파드로 흩어지지 않습니다).`,
    example: {},
  },
  'sim.how.affinity': {
    en: (p: { node: string }) =>
      `ClientIP session affinity on ${p.node} sent it to the endpoint this client used before`,
    ko: (p) => `${p.node} 노드의 ClientIP 세션 어피니티가 이 클라이언트가 전에 쓴 엔드포인트로 보냈습니다.`,
    example: { node: 'node-1' },
  },
  'sim.how.chosen': {
    en: (p: { node: string; count: number; mode: Msg }, r: RenderNested) =>
      `kube-proxy on ${p.node} chose it among ${p.count} endpoint(s) (${r(p.mode)})`,
    ko: (p, r) => `${p.node} 노드의 kube-proxy가 엔드포인트 ${p.count}개 중에서 골랐습니다(${r(p.mode)}).`,
    example: { node: 'node-1', count: 3, mode: { id: 'sim.mode.ipvs', params: { scheduler: 'rr' } } },
  },
  'sim.mode.ipvs': {
    en: (p: { scheduler: string }) => `IPVS scheduler ${p.scheduler}`,
    ko: (p) => `IPVS 스케줄러 ${p.scheduler}`,
    example: { scheduler: 'rr' },
  },
  'sim.mode.random': {
    en: (p: { mode: string }) => `${p.mode} mode, at random`,
    ko: (p) => `${p.mode} 모드, 무작위 선택`,
    example: { mode: 'iptables' },
  },
  'sim.seen.masq': {
    en: (p: {
      addr: string;
      portmap: boolean;
      node: string;
      iface: string;
      src?: string;
      cidr?: string;
      pod?: boolean;
    }) =>
      `The backend sees the client as ${p.addr}: ${p.portmap ? "the portmap plugin's CNI-HOSTPORT-MASQ" : 'kube-proxy'} on ${p.node} masqueraded (SNAT) the packet to ${p.iface}'s address${p.cidr ? `, because the client's address ${p.src} is outside kube-proxy's clusterCIDR ${p.cidr}: kube-proxy masquerades traffic to a Service that does not come from the pod network${p.pod ? ", and this pod's address is outside it (as in a dump taken from a cluster with another pod range)" : ''}` : ''}.`,
    ko: (p) =>
      `백엔드가 보는 클라이언트 주소는 ${p.addr}입니다. ${p.node} 노드의 ${josa(p.portmap ? 'portmap 플러그인의 CNI-HOSTPORT-MASQ 규칙' : 'kube-proxy 규칙', '이/가')} 패킷을 ${p.iface} 인터페이스의 주소로 마스커레이드(SNAT)했기 때문입니다.${p.cidr ? ` 클라이언트 주소 ${josa(p.src ?? '', '이/가')} kube-proxy의 clusterCIDR ${p.cidr} 밖에 있어서입니다. kube-proxy는 파드 네트워크에서 오지 않은 서비스 트래픽을 마스커레이드합니다.${p.pod ? ' 이 파드의 주소가 그 밖에 있습니다(파드 대역이 다른 클러스터에서 가져온 덤프처럼).' : ''}` : ''}`,
    example: { addr: '10.244.0.0', portmap: false, node: 'node-1', iface: 'flannel.1' },
  },
  'sim.seen.lb': {
    en: (p: { addr: string }) => `The backend sees the load balancer's address ${p.addr}, not the client's.`,
    ko: (p) => `백엔드에는 클라이언트가 아니라 로드밸런서의 주소(${p.addr})가 보입니다.`,
    example: { addr: '198.51.100.1' },
  },
  'sim.seen.preserved': {
    en: (p: { addr: string }) => `The client address ${p.addr} is preserved: nothing on the way did SNAT.`,
    ko: (p) => `클라이언트 주소(${p.addr})가 그대로 유지됩니다. 가는 길에 SNAT을 한 곳이 없습니다.`,
    example: { addr: '203.0.113.10' },
  },

  'sim.hop.listens': {
    en: (p: { container: string; ip: string; port: number; protocol: string }) =>
      `Container ${p.container} listens on ${p.ip}:${p.port}/${p.protocol}.`,
    ko: (p) => `${p.container} 컨테이너가 ${p.ip}:${p.port}/${p.protocol}에서 기다리고 있습니다.`,
    example: { container: 'web', ip: '0.0.0.0', port: 8080, protocol: 'TCP' },
  },
  'sim.hop.podEcho': {
    en: (_: object) => `The pod's kernel answers the echo request.`,
    ko: () => `파드의 커널이 echo 요청에 응답합니다.`,
    example: {},
  },
  'sim.hop.nodeEcho': {
    en: (p: { node: string }) => `${p.node}'s kernel answers the echo request.`,
    ko: (p) => `${p.node} 노드의 커널이 echo 요청에 응답합니다.`,
    example: { node: 'node-1' },
  },
  'sim.hop.vipToGateway': {
    en: (p: { ip: string }) =>
      `Sent towards the default gateway: no interface owns ${p.ip} (a virtual address), so nothing answers.`,
    ko: (p) =>
      `기본 게이트웨이 쪽으로 보냅니다. 가상 주소(${p.ip})를 가진 인터페이스가 없으므로 아무도 응답하지 않습니다.`,
    example: { ip: '10.96.0.10' },
  },
  'sim.hop.outside': {
    en: (p: { ip: string; node: string; block: string | null }) =>
      `${p.ip} is outside the cluster: the packet leaves ${p.node} towards its default gateway.${p.block ? ` ${p.block} is documentation space that no network routes, so nothing ever answers.` : ''}`,
    ko: (p) =>
      `${p.ip} 주소는 클러스터 밖에 있습니다. 패킷은 ${p.node} 노드의 기본 게이트웨이로 나갑니다.${p.block ? ` ${josa(p.block, '은/는')} 어떤 네트워크도 라우팅하지 않는 문서용 주소라서 아무도 응답하지 않습니다.` : ''}`,
    example: { ip: '192.0.2.80', node: 'node-1', block: '192.0.2.0/24 (TEST-NET-1, RFC 5737)' },
  },
  'sim.hop.externalIp': {
    en: (p: { link: Msg; node: string }, r: RenderNested) =>
      `${r(p.link)}. Kubernetes does not route externalIPs; svclab's network delivers them to ${p.node}, as an administrator's route would.`,
    ko: (p, r) =>
      `${r(p.link)}. 쿠버네티스는 externalIPs를 라우팅하지 않습니다. 관리자가 경로를 만들어 둔 것처럼, svclab의 네트워크가 이 주소를 ${p.node} 노드로 보냅니다.`,
    example: {
      link: { id: 'net.provider', params: { from: 'external', to: 'node-1', ip: '192.168.49.2' } },
      node: 'node-1',
    },
  },
  'sim.hop.conntrack': {
    en: (_: object) =>
      `Not the connection's first packet: the nat table only sees a connection's first packet, so the conntrack entry rewrites this one the same way (same endpoint) without consulting kube-proxy's rules.`,
    ko: () =>
      `연결의 첫 패킷이 아닙니다. nat 테이블은 연결의 첫 패킷만 보므로, 이 패킷은 kube-proxy 규칙을 거치지 않고 conntrack 항목에 따라 똑같이(같은 엔드포인트로) 바뀝니다.`,
    example: {},
  },
  'sim.hop.udpEntryCleared': {
    en: (p: { endpoint: string; service: string; reason: Msg | null }, r: RenderNested) =>
      `A NEW flow again: this flow had a conntrack entry to ${p.endpoint}, but that address is no longer a serving endpoint of ${p.service}, so kube-proxy deleted the entry when it synced its rules (UDP has no connection to end, and a retry from the same socket would otherwise keep going to it). The rules choose again${p.reason ? `: ${r(p.reason)}` : '.'}`,
    ko: (p, r) =>
      `다시 새 흐름입니다. 이 흐름에는 ${p.endpoint} 주소로 가는 conntrack 항목이 있었지만, 그 주소는 이제 ${p.service} 서비스 포트의 서빙 엔드포인트가 아니어서 kube-proxy가 규칙을 동기화할 때 그 항목을 지웠습니다(UDP에는 끝낼 연결이 없어서, 지우지 않으면 같은 소켓에서 보낸 재시도가 계속 그 주소로 갑니다). 규칙이 다시 고릅니다${p.reason ? `. ${r(p.reason)}` : '.'}`,
    example: {
      endpoint: '10.244.1.2:53',
      service: 'kube-system/kube-dns:dns',
      reason: { id: 'common.literal', params: { text: 'DNAT to 10.244.0.2:53' } },
    },
  },
  'sim.hop.knownFlow': {
    en: (_: object) => 'Known flow (conntrack).',
    ko: () => '이미 알려진 흐름입니다(conntrack).',
    example: {},
  },
  'sim.hop.noRewrite': {
    en: (p: { ip: string; port: number; protocol: string }) =>
      `No kube-proxy rule rewrites ${p.ip}:${p.port}/${p.protocol}; the node routes it as it is.`,
    ko: (p) =>
      `${p.ip}:${p.port}/${josa(p.protocol, '으로/로')} 가는 패킷을 바꾸는 kube-proxy 규칙이 없습니다. 노드는 패킷을 그대로 라우팅합니다.`,
    example: { ip: '10.244.1.5', port: 8080, protocol: 'TCP' },
  },
  'sim.hop.transit': {
    en: (p: { node: string }) =>
      `No kube-proxy rule matches a pod address; ${p.node} forwards it to the pod.`,
    ko: (p) => `파드 주소에 맞는 kube-proxy 규칙은 없습니다. ${p.node} 노드가 패킷을 파드로 전달합니다.`,
    example: { node: 'node-2' },
  },
  'sim.hop.masq': {
    en: (p: {
      portmap: boolean;
      nft?: boolean;
      addr: string;
      iface: string;
      randomFully: boolean;
      src?: string;
      cidr?: string;
      marked?: string;
    }) =>
      `${p.cidr ? `The source ${p.src} is outside kube-proxy's clusterCIDR ${p.cidr}, so ${p.marked} marked the packet for masquerade. ` : ''}${p.portmap ? "CNI-HOSTPORT-SETMARK marked the packet (0x2000: it comes from this node's pod network or from 127.0.0.1, so without SNAT the pod's reply would not come back through the DNAT), so the portmap plugin's CNI-HOSTPORT-MASQ masquerades it" : p.nft ? "The rules marked the packet (the mark-for-masquerade chain sets 0x4000), so kube-proxy's masquerading chain (hooked at postrouting) masquerades it" : 'The rules marked the packet (KUBE-MARK-MASQ, 0x4000), so KUBE-POSTROUTING masquerades it'}: the source becomes ${p.addr}, the address of ${p.iface}, the interface it leaves by${p.randomFully ? (p.nft ? ' (fully-random: the source port is random too)' : ' (with --random-fully the source port is random too)') : ''}.`,
    ko: (p) =>
      `${p.cidr ? `출발지 ${josa(p.src ?? '', '이/가')} kube-proxy의 clusterCIDR ${p.cidr} 밖에 있으므로 ${p.marked} 규칙이 패킷에 마스커레이드 표시를 합니다. ` : ''}${p.portmap ? 'CNI-HOSTPORT-SETMARK가 패킷에 표시(0x2000)를 했으므로 portmap 플러그인의 CNI-HOSTPORT-MASQ가 마스커레이드합니다. 이 노드의 파드 네트워크나 127.0.0.1에서 온 패킷이라 SNAT이 없으면 파드의 응답이 DNAT을 거쳐 돌아오지 못하기 때문입니다' : p.nft ? '규칙이 패킷에 표시(mark-for-masquerade 체인이 0x4000을 설정)를 했으므로 kube-proxy의 masquerading 체인(postrouting 훅)이 마스커레이드합니다' : '규칙이 패킷에 표시(KUBE-MARK-MASQ, 0x4000)를 했으므로 KUBE-POSTROUTING이 마스커레이드합니다'}. 출발지는 패킷이 나가는 인터페이스(${p.iface})의 주소 ${josa(p.addr, '으로/로')} 바뀝니다${p.randomFully ? (p.nft ? '(fully-random이라서 출발지 포트도 무작위로 바뀝니다)' : '(--random-fully라서 출발지 포트도 무작위로 바뀝니다)') : ''}.`,
    example: { portmap: false, nft: false, addr: '10.244.0.0', iface: 'flannel.1', randomFully: true },
  },
  'sim.hop.unNat': {
    en: (p: { src: string[] | null; dst: string[] | null }) =>
      `conntrack un-NATs the reply: ${[p.src ? `source ${p.src[0]} → ${p.src[1]} (undoing the DNAT)` : '', p.dst ? `destination ${p.dst[0]} → ${p.dst[1]} (undoing the SNAT)` : ''].filter(Boolean).join(', ')}, so the client sees the address it connected to.`,
    ko: (p) =>
      `conntrack이 응답의 NAT을 되돌립니다. ${[p.src ? `출발지 ${p.src[0]} → ${p.src[1]}(DNAT 되돌림)` : '', p.dst ? `목적지 ${p.dst[0]} → ${p.dst[1]}(SNAT 되돌림)` : ''].filter(Boolean).join(', ')}. 그래서 클라이언트는 자신이 연결한 주소에서 응답이 온 것으로 봅니다.`,
    example: { src: ['10.244.1.5:8080', '10.96.0.10:80'], dst: ['10.244.0.0:41234', '10.244.0.5:41234'] },
  },
  'sim.hop.lbReply': {
    en: (_: object) =>
      "The load balancer's flow table rewrites the reply to come from the load balancer's address.",
    ko: () => '로드밸런서의 흐름 테이블이 응답의 출발지를 로드밸런서 주소로 바꿉니다.',
    example: {},
  },
  'sim.hop.dnsAnswer': {
    en: (p: { name: string; ip: string; tried: string[] }) =>
      `CoreDNS answers ${p.name} A ${p.ip} (names tried, in search-path order: ${p.tried.join(', ')}).`,
    ko: (p) =>
      `CoreDNS가 응답합니다: ${p.name} A ${p.ip}(search 경로 순서대로 시도한 이름: ${p.tried.join(', ')}).`,
    example: {
      name: 'web.default.svc.cluster.local.',
      ip: '10.96.0.42',
      tried: ['web.default.svc.cluster.local.'],
    },
  },
  'sim.hop.dnsRcode': {
    en: (p: { rcode: string; tried: string[] }) =>
      `CoreDNS answers ${p.rcode} (names tried: ${p.tried.join(', ')}).`,
    ko: (p) => `CoreDNS가 ${p.rcode} 응답을 보냅니다(시도한 이름: ${p.tried.join(', ')}).`,
    example: { rcode: 'NXDOMAIN', tried: ['nope.default.svc.cluster.local.', 'nope.'] },
  },
  'sim.hop.health': {
    en: (p: { service: string; port: number; count: number }) =>
      `kube-proxy's health check server for ${p.service} answers on healthCheckNodePort ${p.port}: ${p.count} local ready endpoint(s), so ${p.count > 0 ? '200' : '503'}.`,
    ko: (p) =>
      `kube-proxy의 ${p.service} 헬스 체크 서버가 healthCheckNodePort ${p.port}에서 응답합니다. 이 노드의 준비된 엔드포인트가 ${p.count}개이므로 ${p.count > 0 ? '200' : '503'}입니다.`,
    example: { service: 'default/app-local', port: 32000, count: 0 },
  },

  'net.sameNode': {
    en: (p: { node: string }) => `stays on ${p.node}`,
    ko: (p) => `${p.node} 노드 안에 머뭅니다`,
    example: { node: 'node-1' },
  },
  'net.overlay': {
    en: (p: {
      from: string;
      fromZone: string | null;
      to: string;
      toZone: string | null;
      crossZone: boolean;
    }) =>
      `${p.fromZone ? `${p.from} (${p.fromZone})` : p.from} → ${p.toZone ? `${p.to} (${p.toZone})` : p.to} through the VXLAN overlay (flannel.1)${p.crossZone ? '; crosses zones, which real clouds bill as inter-zone traffic' : ''}`,
    ko: (p) =>
      `${p.fromZone ? `${p.from}(${p.fromZone})` : p.from} → ${p.toZone ? `${p.to}(${p.toZone})` : p.to}, VXLAN 오버레이(flannel.1)를 거칩니다${p.crossZone ? '. 가용 영역을 넘어가므로 실제 클라우드에서는 영역 간 트래픽 요금이 붙습니다' : ''}`,
    example: { from: 'node-1', fromZone: 'zone-a', to: 'node-3', toZone: 'zone-b', crossZone: true },
  },
  'net.providerBack': {
    en: (p: { from: string; to: string }) => `${p.from} → ${p.to} over the provider network`,
    ko: (p) => `${p.from} → ${p.to}, 클라우드 공급자의 네트워크를 거칩니다`,
    example: { from: 'node-1', to: 'lb/default/web' },
  },
  'net.nodeNetwork': {
    en: (p: { from: string; to: string; ip: string; crossZone: boolean }) =>
      `${p.from} → ${p.to} (${p.ip}) over the node network, not the VXLAN overlay: flannel tunnels only traffic for pod addresses${p.crossZone ? '; crosses zones, which real clouds bill as inter-zone traffic' : ''}`,
    ko: (p) =>
      `${p.from} → ${p.to}(${p.ip}), VXLAN 오버레이가 아니라 노드 네트워크로 갑니다. flannel은 파드 주소로 가는 트래픽만 터널로 보냅니다${p.crossZone ? '. 가용 영역을 넘어가므로 실제 클라우드에서는 영역 간 트래픽 요금이 붙습니다' : ''}`,
    example: { from: 'node-1', to: 'node-2', ip: '192.168.49.3', crossZone: false },
  },
  'net.provider': {
    en: (p: { from: string; to: string; ip: string }) =>
      `${p.from} → ${p.to} (${p.ip}) over the provider network`,
    ko: (p) => `${p.from} → ${p.to}(${p.ip}), 클라우드 공급자의 네트워크를 거칩니다`,
    example: { from: 'external', to: 'node-1', ip: '192.168.49.2' },
  },
});
