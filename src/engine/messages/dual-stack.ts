/** What svclab says about IP families: dual-stack cluster configuration and unreachable families. */
import { defineMessages } from './define';
import { josa } from './josa';

export const dualStack = defineMessages({
  /** A ClusterConfiguration subnet kubeadm refuses: what a good value looks like. */
  'dualStack.subnet.hint': {
    en: (p: { field: string; example: string }) =>
      `Give one network for a single-stack cluster, or one per family for dual-stack, separated by a comma without spaces: ${p.field}: ${p.example}.`,
    ko: (p) =>
      `단일 스택 클러스터라면 네트워크 하나를, 이중 스택이라면 패밀리마다 하나씩 공백 없이 쉼표로 이어 쓰세요. 예: ${p.field}: ${p.example}`,
    example: { field: 'serviceSubnet', example: '10.96.0.0/12,fd00:10:96::/112' },
  },
  /** A client with no address of the destination's family: its kernel has no route to send from. */
  'dualStack.noAddressOfFamily': {
    en: (p: { from: string; ip: string; family: string }) =>
      `${p.from} has no ${p.family} address, so its kernel has no route to ${p.ip} (Network is unreachable): on a single-stack cluster pods and nodes have addresses of one family only. Use an address of the cluster's family, or make the cluster dual-stack (serviceSubnet and podSubnet with one network per family).`,
    ko: (p) =>
      `${p.from}에는 ${p.family} 주소가 없어서 커널이 ${josa(p.ip, '으로/로')} 가는 경로를 찾지 못합니다(Network is unreachable). 단일 스택 클러스터의 파드와 노드는 한 패밀리의 주소만 가집니다. 클러스터 패밀리의 주소를 쓰거나, serviceSubnet과 podSubnet에 패밀리마다 네트워크를 하나씩 적어 이중 스택 클러스터로 만드세요.`,
    example: { from: 'pod/default/client', ip: 'fd00:10:96::a', family: 'IPv6' },
  },
  /** A KubeProxyConfiguration kube-proxy refuses: what a real node then does. */
  'kubeProxy.exits': {
    en: (p: { error: string }) =>
      `kube-proxy refuses this configuration and does not start: it exits with "Error: ${p.error}", and its DaemonSet pod on every node restarts into the same error (CrashLoopBackOff). No node gets kube-proxy's rules, so ClusterIPs, NodePorts and load balancer addresses lead nowhere until the configuration is fixed.`,
    ko: (p) =>
      `kube-proxy는 이 설정을 거부하고 시작하지 않습니다. 모든 노드의 kube-proxy 데몬셋 파드가 같은 오류로 종료와 재시작을 반복하고(CrashLoopBackOff), 어느 노드에도 kube-proxy 규칙이 생기지 않으므로, 설정을 고칠 때까지 클러스터 IP, 노드포트, 로드밸런서 주소로 보낸 트래픽은 아무 데도 가지 못합니다. kube-proxy가 출력하는 오류: "Error: ${p.error}"`,
    example: {
      error:
        'KubeProxyConfiguration.ProxyMode: Invalid value: "ipvs2": must be iptables, ipvs, nftables or blank (blank means the best-available proxy [currently iptables])',
    },
  },
  /** The note of a node's hop when kube-proxy is not running there. */
  'kubeProxy.down.hop': {
    en: (p: { node: string }) =>
      `kube-proxy is not running on ${p.node} (its configuration was refused), so no kube-proxy rule rewrites the packet; the node routes it as it is.`,
    ko: (p) =>
      `${p.node} 노드에서는 kube-proxy가 실행되고 있지 않아서(설정이 거부됨) 패킷을 바꾸는 kube-proxy 규칙이 없습니다. 노드는 패킷을 그대로 라우팅합니다.`,
    example: { node: 'node-1' },
  },
  /** Why a request to a Service address goes nowhere when kube-proxy is not running. */
  'kubeProxy.down.vip': {
    en: (p: { node: string; ip: string; service: string; error: string }) =>
      `${p.ip} is an address of Service ${p.service}, but kube-proxy is not running on ${p.node}: it exited at startup with "Error: ${p.error}". Without its rules nothing on the node captures the virtual address, so the packet is sent towards the default gateway and the request times out.`,
    ko: (p) =>
      `${p.ip} 주소는 ${p.service} 서비스의 주소이지만, ${p.node} 노드의 kube-proxy는 시작하자마자 종료해서 실행되고 있지 않습니다. kube-proxy 규칙이 없으니 노드에서 이 가상 주소를 잡는 것이 없고, 패킷은 기본 게이트웨이 쪽으로 나가 요청은 시간 초과로 끝납니다. kube-proxy가 출력한 오류: "Error: ${p.error}"`,
    example: {
      node: 'node-1',
      ip: '10.96.0.10',
      service: 'default/web',
      error:
        'KubeProxyConfiguration.ProxyMode: Invalid value: "ipvs2": must be iptables, ipvs, nftables or blank',
    },
  },
  /** Why a NodePort is refused when kube-proxy is not running (pkg/proxy never wrote its rules). */
  'kubeProxy.down.nodePort': {
    en: (p: { node: string; port: number; protocol: string; service: string; error: string }) =>
      `${p.port}/${p.protocol} is the NodePort of Service ${p.service}, but kube-proxy on ${p.node} wrote no rule for it: it exits at startup with "Error: ${p.error}" and its pod is in CrashLoopBackOff. Nothing else on ${p.node} listens on ${p.port}/${p.protocol}, so the node refuses the connection.`,
    ko: (p) =>
      `${josa(`${p.port}/${p.protocol}`, '은/는')} ${p.service} 서비스의 노드포트이지만, ${p.node} 노드의 kube-proxy는 이 포트에 규칙을 하나도 만들지 않았습니다. kube-proxy가 시작하자마자 종료하고 파드가 CrashLoopBackOff 상태이기 때문입니다. ${p.node} 노드에서 ${josa(`${p.port}/${p.protocol}`, '을/를')} 기다리는 다른 프로세스도 없으므로 노드가 연결을 거부합니다. kube-proxy가 출력한 오류: "Error: ${p.error}"`,
    example: {
      node: 'node-1',
      port: 30080,
      protocol: 'TCP',
      service: 'default/web',
      error:
        'failed validate: KubeProxyConfiguration.ProxyMode: Invalid value: "nftable": must be iptables, ipvs, nftables or blank',
    },
  },
  /** Why a pod's request to a load balancer address goes nowhere when kube-proxy is not running. */
  'kubeProxy.down.lb': {
    en: (p: { node: string; ip: string; service: string; error: string }) =>
      `${p.ip} is the load balancer's address of Service ${p.service}. kube-proxy on ${p.node} would capture it and send it straight to an endpoint, but it wrote no rule: it exits at startup with "Error: ${p.error}" and its pod is in CrashLoopBackOff. The packet leaves for the cloud load balancer, which would send it to a node's NodePort, refused there for the same reason; svclab does not simulate that round trip.`,
    ko: (p) =>
      `${p.ip} 주소는 ${p.service} 서비스의 로드밸런서 주소입니다. ${p.node} 노드의 kube-proxy가 이 주소를 잡아 바로 엔드포인트로 보내야 하지만 규칙을 하나도 만들지 않았습니다. kube-proxy가 시작하자마자 종료하고 파드가 CrashLoopBackOff 상태이기 때문입니다. 패킷은 클라우드 로드밸런서로 나가고, 로드밸런서가 보내는 노드포트도 같은 이유로 모든 노드에서 거부됩니다. svclab은 그 왕복은 시뮬레이션하지 않습니다. kube-proxy가 출력한 오류: "Error: ${p.error}"`,
    example: {
      node: 'node-1',
      ip: '198.51.100.1',
      service: 'default/web',
      error:
        'failed validate: KubeProxyConfiguration.ProxyMode: Invalid value: "nftable": must be iptables, ipvs, nftables or blank',
    },
  },
  /** stderr of `node NAME -- iptables-save` (and the other rule dumps) when kube-proxy is not running. */
  'kubeProxy.down.dump': {
    en: (p: { node: string; error: string }) =>
      `kube-proxy is not running on ${p.node}: it exits at startup with "Error: ${p.error}", so the dump holds no kube-proxy rule.`,
    ko: (p) =>
      `${p.node} 노드의 kube-proxy는 시작하자마자 종료해서 실행되고 있지 않으므로, 출력에는 kube-proxy 규칙이 하나도 없습니다. kube-proxy가 출력한 오류: "Error: ${p.error}"`,
    example: {
      node: 'node-1',
      error: 'failed validate: KubeProxyConfiguration.ProxyMode: Invalid value: "x"',
    },
  },
  /** Why kube-proxy (1.35+) logs an error line at startup in ipvs mode. */
  'kubeProxy.ipvsDeprecated.hint': {
    en: (_: object) =>
      `kube-proxy prints this at startup in ipvs mode (and records a Warning event IPVSDeprecation on its Node) since 1.35: IPVS mode still works, but it may be removed. nftables mode (mode: nftables) does the same job with sets and maps, one lookup per packet.`,
    ko: () =>
      `1.35부터 kube-proxy는 ipvs 모드로 시작할 때 이 줄을 로그에 남기고, 노드에 IPVSDeprecation 경고 이벤트도 기록합니다. IPVS 모드는 아직 동작하지만 앞으로 없어질 수 있습니다. nftables 모드(mode: nftables)가 같은 일을 집합(set)과 맵으로, 패킷마다 한 번의 조회로 처리합니다.`,
    example: {},
  },
});
