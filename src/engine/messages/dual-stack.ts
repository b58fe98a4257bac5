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
  /** Why kube-proxy (1.35+) logs an error line at startup in ipvs mode. */
  'kubeProxy.ipvsDeprecated.hint': {
    en: (_: object) =>
      `kube-proxy prints this at startup in ipvs mode (and records a Warning event IPVSDeprecation on its Node) since 1.35: IPVS mode still works, but it may be removed. nftables mode (mode: nftables) does the same job with sets and maps, one lookup per packet.`,
    ko: () =>
      `1.35부터 kube-proxy는 ipvs 모드로 시작할 때 이 줄을 로그에 남기고, 노드에 IPVSDeprecation 경고 이벤트도 기록합니다. IPVS 모드는 아직 동작하지만 앞으로 없어질 수 있습니다. nftables 모드(mode: nftables)가 같은 일을 집합(set)과 맵으로, 패킷마다 한 번의 조회로 처리합니다.`,
    example: {},
  },
});
