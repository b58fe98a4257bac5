/**
 * A packet to a Service's virtual address that kube-proxy REJECTs because it is no Service port: in
 * IPVS mode the address is bound to the node's kube-ipvs0 dummy interface and KUBE-IPVS-FILTER rejects
 * new connections to it that no Service owns (pkg/proxy/ipvs/proxier.go, kubernetes#72236); in nftables
 * mode cluster-ips-check rejects what is still addressed to a ClusterIP after the Service DNATs. ICMP
 * echo is never a Service port, so ping gets "Destination Port Unreachable" from both.
 */
import { defineMessages } from './define';
import { josa } from './josa';

interface VipPacket {
  ip: string;
  node: string;
  service: string;
  /** The Service's ports, "80/TCP". */
  ports: string[];
  /** The packet's port and protocol, "81/TCP"; absent for an ICMP echo (ping). */
  port?: string;
}

const list = (ports: string[], none: string) => (ports.length ? ports.join(', ') : none);

export const simVip = defineMessages({
  'sim.vip.ipvsFilter': {
    en: (p: VipPacket & { external: boolean }) =>
      `In IPVS mode kube-proxy binds every Service address to the kube-ipvs0 dummy interface, so ${p.ip} (the ${p.external ? 'external IP' : 'ClusterIP'} of Service ${p.service}) is a local address of ${p.node}. ` +
      (p.port === undefined
        ? `KUBE-IPVS-FILTER lets through only the Services' own address and port pairs and REJECTs every other new connection to a kube-ipvs0 address (kubernetes#72236), ICMP echo included: ping reports "Destination Port Unreachable" at once. Connections to the Service's ports (${list(p.ports, 'none')}) work.`
        : `${p.port} is not one of the Service's ports (${list(p.ports, 'none')}), and KUBE-IPVS-FILTER REJECTs every new connection to a kube-ipvs0 address that is not a Service's address and port pair (kubernetes#72236), so the client sees "connection refused" at once.`),
    ko: (p) =>
      `IPVS 모드의 kube-proxy는 서비스 주소를 모두 kube-ipvs0 더미 인터페이스에 붙입니다. 그래서 ${p.ip}(${p.service} 서비스의 ${p.external ? '외부 IP' : '클러스터 IP'})는 ${p.node} 노드 자신의 주소입니다. ` +
      (p.port === undefined
        ? `KUBE-IPVS-FILTER는 서비스에 정의된 주소와 포트 조합만 통과시키고, kube-ipvs0 주소로 오는 나머지 새 연결은 모두 REJECT합니다(kubernetes#72236). ICMP echo도 예외가 아니어서 ping은 곧바로 "Destination Port Unreachable"을 받습니다. 서비스 포트(${list(p.ports, '없음')})로 보내는 연결은 잘 동작합니다.`
        : `${josa(p.port, '은/는')} 이 서비스의 포트(${list(p.ports, '없음')})가 아니고, KUBE-IPVS-FILTER는 서비스의 주소와 포트 조합이 아닌 새 연결을 모두 REJECT합니다(kubernetes#72236). 그래서 클라이언트는 곧바로 "connection refused"를 받습니다.`),
    example: {
      ip: '10.96.0.42',
      node: 'node-1',
      service: 'default/web',
      ports: ['80/TCP'],
      external: false,
    },
  },
  'sim.vip.clusterIpsCheck': {
    en: (p: VipPacket) =>
      `${p.ip} is the ClusterIP of Service ${p.service}. kube-proxy's nftables rules DNAT only the Service's ports (${list(p.ports, 'none')}); whatever new traffic still goes to a ClusterIP after that, kube-proxy on ${p.node} REJECTs (cluster-ips-check: "Reject traffic to invalid ports of ClusterIPs"), ` +
      (p.port === undefined
        ? 'ICMP echo included: ping reports "Destination Port Unreachable" at once.'
        : `here ${p.port}, so the client sees "connection refused" at once.`),
    ko: (p) =>
      `${p.ip} 주소는 ${p.service} 서비스의 클러스터 IP입니다. kube-proxy의 nftables 규칙은 서비스 포트(${list(p.ports, '없음')})로 오는 패킷만 DNAT하고, 그 뒤에도 클러스터 IP로 가는 새 패킷은 ${p.node} 노드의 kube-proxy가 REJECT합니다(cluster-ips-check: "Reject traffic to invalid ports of ClusterIPs"). ` +
      (p.port === undefined
        ? 'ICMP echo도 마찬가지라서 ping은 곧바로 "Destination Port Unreachable"을 받습니다.'
        : `${p.port}도 서비스 포트가 아니므로 클라이언트는 곧바로 "connection refused"를 받습니다.`),
    example: {
      ip: '10.96.0.42',
      node: 'node-1',
      service: 'default/web',
      ports: ['80/TCP'],
      port: '81/TCP',
    },
  },
});
