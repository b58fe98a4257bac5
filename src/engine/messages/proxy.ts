/**
 * kube-proxy's verdict on a packet in a student's words (the note of a kube-proxy hop): which rule
 * decided and why that is what Kubernetes does, for iptables, nftables and IPVS, and for the CNI portmap
 * plugin's hostPort rules the same evaluator walks. Chain, map and set names are parameters, as
 * iptables-save and nft print them.
 */
import { defineMessages, type Msg, type RenderNested } from './define';
import { josa } from './josa';

const masqEn = (node: string | null) => (node ? `; the source is masqueraded to ${node}'s address` : '');
const masqKo = (node: string | null) => (node ? ` 출발지는 ${node} 노드의 주소로 마스커레이드됩니다.` : '');
const whoEn = (pod: string | null, node: string | null) =>
  pod ? ` (${pod}${node ? ` on ${node}` : ''})` : '';
const whoKo = (pod: string | null, node: string | null) =>
  pod ? `(${pod} 파드${node ? `, ${node} 노드` : ''})` : '';

export const proxy = defineMessages({
  'proxy.reject.noEndpoints': {
    en: (p: { chain: string; service: string }) =>
      `${p.chain} rejects it: ${p.service} has no endpoints (no ready or serving pod matches its selector), so the client gets "connection refused"`,
    ko: (p) =>
      `${p.chain} 체인이 패킷을 거부(REJECT)합니다. ${p.service}에 엔드포인트가 없어서(셀렉터에 맞는 준비된 파드나 serving 상태의 파드가 없음) 클라이언트는 "connection refused"를 받습니다.`,
    example: { chain: 'KUBE-SERVICES', service: 'default/web:http' },
  },
  'proxy.reject': {
    en: (p: { chain: string }) => `${p.chain} rejects it`,
    ko: (p) => `${p.chain} 체인이 패킷을 거부(REJECT)합니다.`,
    example: { chain: 'KUBE-EXTERNAL-SERVICES' },
  },
  'proxy.drop.externalLocal': {
    en: (p: { node: string }) =>
      `KUBE-EXTERNAL-SERVICES drops it: externalTrafficPolicy Local and no ready endpoint on ${p.node}`,
    ko: (p) =>
      `KUBE-EXTERNAL-SERVICES 체인이 패킷을 버립니다(DROP). externalTrafficPolicy가 Local인데 ${p.node} 노드에는 준비된 엔드포인트가 없습니다.`,
    example: { node: 'node-2' },
  },
  'proxy.drop.internalLocal': {
    en: (p: { node: string }) =>
      `KUBE-SERVICES drops it: internalTrafficPolicy Local and no ready endpoint on ${p.node}`,
    ko: (p) =>
      `KUBE-SERVICES 체인이 패킷을 버립니다(DROP). internalTrafficPolicy가 Local인데 ${p.node} 노드에는 준비된 엔드포인트가 없습니다.`,
    example: { node: 'node-2' },
  },
  'proxy.drop.firewall': {
    en: (p: { chain: string; client: string; service: string }) =>
      `${p.chain} drops it: ${p.client} is not in loadBalancerSourceRanges of ${p.service}`,
    ko: (p) =>
      `${p.chain} 체인이 패킷을 버립니다(DROP). 클라이언트 주소(${p.client})가 ${p.service}의 loadBalancerSourceRanges에 없습니다.`,
    example: { chain: 'KUBE-PROXY-FIREWALL', client: '203.0.113.10', service: 'default/web:http' },
  },
  'proxy.drop.localhost': {
    en: (p: { comment: string }) =>
      `KUBE-FIREWALL drops it: connections to 127.0.0.0/8 from another host are blocked ("${p.comment}")`,
    ko: (p) =>
      `KUBE-FIREWALL 체인이 패킷을 버립니다(DROP). 다른 호스트에서 127.0.0.0/8로 오는 연결은 막힙니다("${p.comment}").`,
    example: { comment: 'block incoming localnet connections' },
  },
  'proxy.drop.invalid': {
    en: (_: object) => 'KUBE-FORWARD drops it: conntrack marks the packet INVALID',
    ko: () => 'KUBE-FORWARD 체인이 패킷을 버립니다(DROP). conntrack이 이 패킷을 INVALID로 표시했습니다.',
    example: {},
  },
  'proxy.drop': {
    en: (p: { chain: string }) => `${p.chain} drops it`,
    ko: (p) => `${p.chain} 체인이 패킷을 버립니다(DROP).`,
    example: { chain: 'KUBE-SERVICES' },
  },
  'proxy.hostPort': {
    en: (p: {
      port: number;
      protocol: string;
      chain: string;
      to: string;
      pod: string | null;
      masqNode: string | null;
    }) =>
      `hostPort ${p.port}/${p.protocol}: the CNI portmap plugin's ${p.chain} DNATs it to ${p.to}${p.pod ? ` (${p.pod})` : ''}, not kube-proxy${p.masqNode ? `; CNI-HOSTPORT-MASQ masquerades it to ${p.masqNode}'s address (hairpin or localhost traffic)` : ''}`,
    ko: (p) =>
      `hostPort ${p.port}/${p.protocol}: kube-proxy가 아니라 CNI portmap 플러그인의 ${p.chain} 체인이 DNAT합니다. 새 목적지는 ${p.to}${p.pod ? `(${p.pod} 파드)` : ''}입니다.${p.masqNode ? ` CNI-HOSTPORT-MASQ가 출발지를 ${p.masqNode} 노드의 주소로 마스커레이드합니다(헤어핀이나 localhost 트래픽).` : ''}`,
    example: {
      port: 8080,
      protocol: 'TCP',
      chain: 'CNI-DN-3a7c1e0b5f9d2c8e6a4b1',
      to: '10.244.1.5:80',
      pod: 'default/agent',
      masqNode: 'node-2',
    },
  },
  'proxy.dnat': {
    en: (
      p: { to: string; pod: string | null; node: string | null; why: Msg; masqNode: string | null },
      r: RenderNested,
    ) => `DNAT to ${p.to}${whoEn(p.pod, p.node)}: ${r(p.why)}${masqEn(p.masqNode)}`,
    ko: (p, r) =>
      `DNAT로 목적지를 바꿉니다. 새 목적지는 ${p.to}${whoKo(p.pod, p.node)}입니다. ${r(p.why)}${masqKo(p.masqNode)}`,
    example: {
      to: '10.244.1.5:8080',
      pod: 'default/web-0',
      node: 'node-2',
      why: { id: 'proxy.why.random', params: { count: 3 } },
      masqNode: 'node-1',
    },
  },
  'proxy.why.only': {
    en: (_: object) => 'the only endpoint',
    ko: () => '엔드포인트가 하나뿐입니다.',
    example: {},
  },
  'proxy.why.random': {
    en: (p: { count: number }) => `chosen at random among ${p.count} endpoints`,
    ko: (p) => `엔드포인트 ${p.count}개 중에서 무작위로 골랐습니다.`,
    example: { count: 3 },
  },
  'proxy.why.affinityRecent': {
    en: (p: { list: string; client: string }) =>
      `sessionAffinity ClientIP: the recent list ${p.list} remembers ${p.client}`,
    ko: (p) =>
      `sessionAffinity ClientIP: recent 목록 ${p.list}에 클라이언트 주소(${p.client})가 남아 있어서 전과 같은 엔드포인트로 보냅니다.`,
    example: { list: 'KUBE-SEP-ZJVQKOI6YMJUNC3I', client: '10.244.0.5' },
  },
  'proxy.why.affinitySet': {
    en: (p: { set: string; client: string }) =>
      `sessionAffinity ClientIP: ${p.client} is in the set ${p.set}`,
    ko: (p) =>
      `sessionAffinity ClientIP: 클라이언트 주소(${p.client})가 ${p.set} 집합에 있어서 전과 같은 엔드포인트로 보냅니다.`,
    example: { set: 'affinity-XPGD46QR-default/web/tcp/', client: '10.244.0.5' },
  },
  'proxy.why.numgen': {
    en: (p: { count: number }) => `numgen random mod ${p.count} picked it, 1 in ${p.count}`,
    ko: (p) => `numgen random mod ${p.count}의 결과로 골랐습니다(${p.count}분의 1 확률).`,
    example: { count: 2 },
  },
  'proxy.none.icmpVip': {
    en: (p: { ip: string }) =>
      `no rule matches ICMP to ${p.ip}: kube-proxy only captures the Service's ports (TCP/UDP/SCTP), and no interface owns a virtual IP, so nothing answers`,
    ko: (p) =>
      `${p.ip} 주소로 가는 ICMP에 맞는 규칙이 없습니다. kube-proxy는 서비스의 포트(TCP/UDP/SCTP)만 잡고, 가상 IP를 가진 인터페이스도 없으므로 아무도 응답하지 않습니다.`,
    example: { ip: '10.96.0.10' },
  },
  'proxy.none.noPort': {
    en: (p: { ip: string; port: number; protocol: string }) =>
      `no Service port ${p.port}/${p.protocol} on ${p.ip}: no rule matches, so nothing answers`,
    ko: (p) =>
      `${p.ip} 주소에는 서비스 포트 ${p.port}/${josa(p.protocol, '이/가')} 없습니다. 맞는 규칙이 없으므로 아무도 응답하지 않습니다.`,
    example: { ip: '10.96.0.10', port: 8080, protocol: 'TCP' },
  },
  'proxy.none': {
    en: (p: { ip: string; port: number; protocol: string }) =>
      `no kube-proxy rule applies to ${p.ip}:${p.port}/${p.protocol}`,
    ko: (p) => `${p.ip}:${p.port}/${p.protocol}에 해당하는 kube-proxy 규칙이 없습니다.`,
    example: { ip: '10.244.1.5', port: 8080, protocol: 'TCP' },
  },

  'proxy.nft.rejectNoEndpoints': {
    en: (p: { map: string; service: string }) =>
      `${p.map} sends it to reject-chain: ${p.service} has no endpoints (no ready or serving pod matches its selector), so the client gets "connection refused"`,
    ko: (p) =>
      `${p.map} 맵이 패킷을 reject-chain으로 보냅니다. ${p.service}에 엔드포인트가 없어서(셀렉터에 맞는 준비된 파드나 serving 상태의 파드가 없음) 클라이언트는 "connection refused"를 받습니다.`,
    example: { map: 'no-endpoint-services', service: 'default/web:http' },
  },
  'proxy.nft.dropLocal': {
    en: (p: { map: string; service: string; node: string }) =>
      `${p.map} drops it: ${p.service} has a Local traffic policy and no ready endpoint on ${p.node}`,
    ko: (p) =>
      `${p.map} 맵이 패킷을 버립니다(DROP). ${p.service}의 트래픽 정책이 Local인데 ${p.node} 노드에는 준비된 엔드포인트가 없습니다.`,
    example: { map: 'no-endpoint-nodeports', service: 'default/echo-local', node: 'node-2' },
  },
  'proxy.nft.invalidPort': {
    en: (p: { ip: string; port: number; protocol: string }) =>
      `cluster-ips-check rejects it: ${p.ip} is a ClusterIP with no Service port ${p.port}/${p.protocol} ("Reject traffic to invalid ports of ClusterIPs")`,
    ko: (p) =>
      `cluster-ips-check 체인이 패킷을 거부(REJECT)합니다. ${p.ip} 주소는 클러스터 IP인데 서비스 포트 ${p.port}/${josa(p.protocol, '이/가')} 없습니다("Reject traffic to invalid ports of ClusterIPs").`,
    example: { ip: '10.96.0.10', port: 8080, protocol: 'TCP' },
  },
  'proxy.nft.unallocated': {
    en: (p: { ip: string }) =>
      `cluster-ips-check drops it: ${p.ip} is in the Service CIDR but no Service has it ("Drop traffic to unallocated ClusterIPs")`,
    ko: (p) =>
      `cluster-ips-check 체인이 패킷을 버립니다(DROP). ${p.ip} 주소는 서비스 CIDR 안에 있지만 이 주소를 가진 서비스가 없습니다("Drop traffic to unallocated ClusterIPs").`,
    example: { ip: '10.96.0.99' },
  },

  'proxy.ipvs.noRealServers': {
    en: (p: { address: string; port: number; service: string }) =>
      `IPVS virtual server ${p.address}:${p.port} has no real servers (${p.service} has no usable endpoints): IPVS answers ICMP port unreachable`,
    ko: (p) =>
      `IPVS 가상 서버 ${p.address}:${p.port}에 리얼 서버가 없습니다(${p.service}에 쓸 수 있는 엔드포인트가 없음). IPVS는 ICMP port unreachable로 응답합니다.`,
    example: { address: '10.96.0.10', port: 80, service: 'default/web:http' },
  },
  'proxy.ipvs.sends': {
    en: (
      p: {
        scheduler: string;
        realServer: string;
        pod: string | null;
        why: Msg;
        lostReply: boolean;
        masqNode: string | null;
      },
      r: RenderNested,
    ) =>
      `IPVS ${p.scheduler} sends it to ${p.realServer}${p.pod ? ` (${p.pod})` : ''}: ${r(p.why)}${p.lostReply ? '; externalTrafficPolicy Local and no local endpoint, so IPVS uses remote ones (kubernetes#97081) and the reply, from the pod address, never reaches the client' : ''}${masqEn(p.masqNode)}`,
    ko: (p, r) =>
      `IPVS(${p.scheduler})가 고른 리얼 서버는 ${p.realServer}${p.pod ? `(${p.pod} 파드)` : ''}입니다. ${r(p.why)}${p.lostReply ? ' externalTrafficPolicy가 Local인데 이 노드에 엔드포인트가 없어서 IPVS가 다른 노드의 엔드포인트를 씁니다(kubernetes#97081). 파드 주소에서 나가는 응답은 클라이언트에게 돌아가지 못합니다.' : ''}${masqKo(p.masqNode)}`,
    example: {
      scheduler: 'rr',
      realServer: '10.244.1.5:8080',
      pod: 'default/web-0',
      why: { id: 'proxy.ipvs.rr', params: { after: '10.244.2.7:8080' } },
      lostReply: true,
      masqNode: 'node-1',
    },
  },
  'proxy.ipvs.persistence': {
    en: (p: { client: string; seconds: number }) =>
      `persistence template for ${p.client} (persistent ${p.seconds})`,
    ko: (p) =>
      `클라이언트 주소(${p.client})의 persistence 템플릿이 남아 있어서 같은 리얼 서버로 보냅니다(persistent ${p.seconds}).`,
    example: { client: '10.244.0.5', seconds: 10800 },
  },
  'proxy.ipvs.rr': {
    en: (p: { after: string | null }) => `round robin: the next server after ${p.after ?? 'the start'}`,
    ko: (p) => `라운드 로빈: ${p.after ? `${p.after} 다음` : '처음'} 서버입니다.`,
    example: { after: '10.244.2.7:8080' },
  },
  'proxy.ipvs.lc': {
    en: (_: object) => 'least connections (active × 256 + inactive)',
    ko: () => '연결이 가장 적은 서버입니다(active × 256 + inactive).',
    example: {},
  },
  'proxy.ipvs.sed': {
    en: (_: object) => 'shortest expected delay ((active + 1) / weight)',
    ko: () => '예상 지연이 가장 짧은 서버입니다((active + 1) / weight).',
    example: {},
  },
  'proxy.ipvs.nqIdle': {
    en: (_: object) => 'never queue: an idle server',
    ko: () => 'never queue: 쉬고 있는 서버입니다.',
    example: {},
  },
  'proxy.ipvs.nqBusy': {
    en: (_: object) => 'never queue: all busy, shortest expected delay',
    ko: () => 'never queue: 모두 바빠서 예상 지연이 가장 짧은 서버를 골랐습니다.',
    example: {},
  },
  'proxy.ipvs.sh': {
    en: (p: { ip: string }) => `source hashing on ${p.ip}`,
    ko: (p) => `출발지 주소(${p.ip})를 해싱해 골랐습니다.`,
    example: { ip: '10.244.0.5' },
  },
  'proxy.ipvs.mh': {
    en: (p: { ip: string; port: number }) => `Maglev hashing on ${p.ip}:${p.port}`,
    ko: (p) => `출발지 주소와 포트(${p.ip}:${p.port})를 Maglev 해싱해 골랐습니다.`,
    example: { ip: '10.244.0.5', port: 41234 },
  },
  'proxy.ipvs.dh': {
    en: (p: { ip: string }) => `destination hashing on ${p.ip}`,
    ko: (p) => `목적지 주소(${p.ip})를 해싱해 골랐습니다.`,
    example: { ip: '10.96.0.10' },
  },
  'proxy.ipvs.lblcAssigned': {
    en: (p: { ip: string }) => `locality-based least connection: ${p.ip} assigned to the least-loaded server`,
    ko: (p) => `locality-based least connection: 목적지(${p.ip})를 가장 한가한 서버에 배정했습니다.`,
    example: { ip: '10.96.0.10' },
  },
  'proxy.ipvs.lblcStays': {
    en: (p: { ip: string }) => `locality-based least connection: ${p.ip} stays on its server`,
    ko: (p) => `locality-based least connection: 목적지(${p.ip})가 배정된 서버에 그대로 머뭅니다.`,
    example: { ip: '10.96.0.10' },
  },
  'proxy.ipvs.unknown': {
    en: (p: { scheduler: string }) => `unknown scheduler "${p.scheduler}": treated as round robin`,
    ko: (p) => `알 수 없는 스케줄러("${p.scheduler}")라서 라운드 로빈처럼 동작합니다.`,
    example: { scheduler: 'fo' },
  },
});
