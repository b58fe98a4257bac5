/**
 * Why a name lookup ended the way it did (the explanation of nslookup, dig and curl's resolver): which
 * search suffix answered, what kind of Service the name belongs to, and why a name did not resolve
 * (wrong namespace, a typo, a headless Service without ready pods, dig without +search, a resolver
 * that is not the cluster's).
 */
import { defineMessages } from './define';

export const dnsExplain = defineMessages({
  'dns.hosts': {
    en: (p: { name: string; addresses: string[] }) =>
      `${p.name} resolved from /etc/hosts (${p.addresses.join(', ')}), which kubelet writes with the pod's own hostname and hostAliases; DNS was not asked.`,
    ko: (p) =>
      `${p.name} 이름은 /etc/hosts에서 찾았습니다(${p.addresses.join(', ')}). 이 파일은 kubelet이 파드 자신의 호스트네임과 hostAliases로 씁니다. DNS에는 묻지 않았습니다.`,
    example: { name: 'web-0', addresses: ['10.244.1.5'] },
  },
  'dns.searchThenAsIs': {
    en: (p: { tried: number; name: string; ndots: number; answered: string }) =>
      `The resolver first tried ${p.tried} search-suffixed name${p.tried === 1 ? '' : 's'} (${p.name} has fewer than ${p.ndots} dots, ndots:${p.ndots}), which did not exist, then asked for ${p.answered} as-is.`,
    ko: (p) =>
      `${p.name} 이름의 점이 ${p.ndots}개보다 적어서(ndots:${p.ndots}) 리졸버는 먼저 search 도메인을 붙인 이름 ${p.tried}개를 물었고, 모두 없어서 ${p.answered} 이름을 그대로 물었습니다.`,
    example: { tried: 3, name: 'shop.example.com', ndots: 5, answered: 'shop.example.com.' },
  },
  'dns.searchSuffix': {
    en: (p: { name: string; ndots: number; answered: string; nxdomains: number; suffix: string }) =>
      `${p.name} has fewer than ${p.ndots} dots (ndots:${p.ndots}), so the resolver appended the search domains from /etc/resolv.conf; ${p.answered} answered ${p.nxdomains === 0 ? 'on the first try' : `after ${p.nxdomains} NXDOMAIN${p.nxdomains === 1 ? '' : 's'}`} (search suffix ${p.suffix}).`,
    ko: (p) =>
      `${p.name} 이름의 점이 ${p.ndots}개보다 적어서(ndots:${p.ndots}) 리졸버가 /etc/resolv.conf의 search 도메인을 붙였습니다. ${p.nxdomains === 0 ? '첫 시도에' : `NXDOMAIN ${p.nxdomains}번 뒤에`} ${p.answered} 이름이 응답했습니다(search 접미사 ${p.suffix}).`,
    example: {
      name: 'db',
      ndots: 5,
      answered: 'db.other.svc.cluster.local.',
      nxdomains: 1,
      suffix: 'svc.cluster.local',
    },
  },
  'dns.forwarded': {
    en: (p: { name: string }) =>
      `${p.name} is not a cluster name, so CoreDNS forwarded it to the upstream resolver (forward . /etc/resolv.conf).`,
    ko: (p) =>
      `${p.name} 이름은 클러스터 이름이 아니어서 CoreDNS가 업스트림 리졸버로 넘겼습니다(forward . /etc/resolv.conf).`,
    example: { name: 'example.com.' },
  },
  'dns.podName': {
    en: (p: { addresses: string[] }) =>
      `With "pods insecure" CoreDNS answers any a-b-c-d.<namespace>.pod name with the address written in it (${p.addresses.join(', ')}).`,
    ko: (p) =>
      `"pods insecure" 설정이라 CoreDNS는 a-b-c-d.<namespace>.pod 형식의 이름이면 이름에 적힌 주소로 응답합니다(${p.addresses.join(', ')}).`,
    example: { addresses: ['10.244.1.5'] },
  },
  'dns.externalName': {
    en: (p: { service: string; target: string; addresses: string[] }) =>
      `${p.service} is an ExternalName Service: CoreDNS answers with a CNAME to ${p.target}${p.addresses.length ? `, which resolved to ${p.addresses.join(', ')}` : ''}; no proxying happens, the client connects to that name's address.`,
    ko: (p) =>
      `${p.service} 서비스는 ExternalName 서비스라서 CoreDNS가 ${p.target} 이름의 CNAME으로 응답합니다${p.addresses.length ? `(그 이름의 주소: ${p.addresses.join(', ')})` : ''}. 프록시는 없고, 클라이언트가 그 이름의 주소로 직접 연결합니다.`,
    example: { service: 'external-db', target: 'db.example.com.', addresses: ['93.184.216.34'] },
  },
  'dns.endpointName': {
    en: (p: { name: string; service: string; addresses: string[] }) =>
      `${p.name} names one endpoint of Service ${p.service}, so DNS returns that pod's address ${p.addresses.join(', ')}.`,
    ko: (p) =>
      `${p.name} 이름은 ${p.service} 서비스의 엔드포인트 하나를 가리키므로, DNS가 그 파드의 주소(${p.addresses.join(', ')})를 돌려줍니다.`,
    example: {
      name: 'mongo-0.mongo-headless.default.svc.cluster.local.',
      service: 'mongo-headless',
      addresses: ['10.244.1.5'],
    },
  },
  'dns.headless': {
    en: (p: { service: string; count: number; pods: string[] }) =>
      `${p.service} is a headless Service (clusterIP: None): CoreDNS returns one A record per ready endpoint, here ${p.count} pod address${p.count === 1 ? '' : 'es'}${p.pods.length ? ` (${p.pods.join(', ')})` : ''}, and the client connects to a pod directly, without kube-proxy.`,
    ko: (p) =>
      `${p.service} 서비스는 헤드리스 서비스(clusterIP: None)라서 CoreDNS가 준비된 엔드포인트마다 A 레코드를 하나씩 돌려줍니다. 여기서는 파드 주소 ${p.count}개${p.pods.length ? `(${p.pods.join(', ')})` : ''}입니다. 클라이언트는 kube-proxy를 거치지 않고 파드에 바로 연결합니다.`,
    example: { service: 'mongo-headless', count: 2, pods: ['default/mongo-0', 'default/mongo-1'] },
  },
  'dns.clusterIp': {
    en: (p: { service: string; type: string; addresses: string[] }) =>
      `${p.service} is a ${p.type} Service: DNS returns its one ClusterIP ${p.addresses.join(', ')}, and kube-proxy picks a pod for each connection.`,
    ko: (p) =>
      `${p.service} 서비스는 ${p.type} 서비스라서 DNS가 클러스터 IP 하나(${p.addresses.join(', ')})를 돌려주고, 연결마다 kube-proxy가 파드를 고릅니다.`,
    example: { service: 'web', type: 'ClusterIP', addresses: ['10.96.0.42'] },
  },
  'dns.outsideClient': {
    en: (_: object) =>
      'Cluster names only resolve inside the cluster: an outside client asks the Internet DNS, which has no cluster.local zone.',
    ko: () =>
      '클러스터 이름은 클러스터 안에서만 풀립니다. 외부 클라이언트는 인터넷 DNS에 묻는데, 그곳에는 cluster.local 영역이 없습니다.',
    example: {},
  },
  'dns.nodeResolverPod': {
    en: (p: { policy: string; hostNetwork: boolean }) =>
      `This pod uses the node's resolver (dnsPolicy ${p.policy}${p.hostNetwork ? ' with hostNetwork' : ''}), which knows nothing of cluster names.`,
    ko: (p) =>
      `이 파드는 노드의 리졸버를 씁니다(dnsPolicy ${p.policy}${p.hostNetwork ? ', hostNetwork' : ''}). 노드의 리졸버는 클러스터 이름을 모릅니다.`,
    example: { policy: 'ClusterFirst', hostNetwork: true },
  },
  'dns.nodeResolver': {
    en: (_: object) =>
      'A node resolves through its own resolver, not CoreDNS, so cluster names do not resolve there.',
    ko: () =>
      '노드는 CoreDNS가 아니라 자기 리졸버로 이름을 풀기 때문에, 노드에서는 클러스터 이름이 풀리지 않습니다.',
    example: {},
  },
  'dns.digNoSearch': {
    en: (p: { name: string }) =>
      `dig does not use the search list unless you add +search: it asked for ${p.name} only.`,
    ko: (p) => `dig는 +search를 주지 않으면 search 목록을 쓰지 않습니다. 그래서 ${p.name} 이름만 물었습니다.`,
    example: { name: 'db.' },
  },
  'dns.noSuchName': {
    en: (p: { name: string; rcode: string }) => `${p.name} does not exist (${p.rcode}).`,
    ko: (p) => `${p.name} 이름이 없습니다(${p.rcode}).`,
    example: { name: 'nope.example.', rcode: 'NXDOMAIN' },
  },
  'dns.headlessNoEndpoints': {
    en: (p: { service: string }) =>
      `Service ${p.service} is headless and has no ready endpoints, so CoreDNS answers NXDOMAIN: a headless name only carries the addresses of ready pods.`,
    ko: (p) =>
      `${p.service} 서비스는 헤드리스 서비스인데 준비된 엔드포인트가 없어서 CoreDNS가 NXDOMAIN으로 응답합니다. 헤드리스 서비스의 이름에는 준비된 파드의 주소만 담깁니다.`,
    example: { service: 'default/ghost' },
  },
  'dns.noData': {
    en: (p: { name: string; type: string }) =>
      `${p.name} exists but has no ${p.type} record (NOERROR with no data).`,
    ko: (p) => `${p.name} 이름은 있지만 ${p.type} 레코드가 없습니다(데이터 없는 NOERROR).`,
    example: { name: 'web.default.svc.cluster.local', type: 'AAAA' },
  },
  'dns.otherNamespace': {
    en: (p: { service: string; namespace: string; found: string; zone: string }) =>
      `There is no Service ${p.service} in namespace ${p.namespace} (a short name only searches the pod's own namespace); Service ${p.service} exists in namespace ${p.found}: use ${p.service}.${p.found} or ${p.service}.${p.found}.svc.${p.zone}.`,
    ko: (p) =>
      `${p.namespace} 네임스페이스에는 ${p.service} 서비스가 없습니다(짧은 이름은 파드 자신의 네임스페이스에서만 찾습니다). ${p.service} 서비스는 ${p.found} 네임스페이스에 있으니 ${p.service}.${p.found} 또는 ${p.service}.${p.found}.svc.${p.zone} 이름을 쓰세요.`,
    example: { service: 'api', namespace: 'shop', found: 'backend', zone: 'cluster.local' },
  },
  'dns.didYouMean': {
    en: (p: { service: string; namespace: string; best: string; zone: string }) =>
      `No Service named ${p.service} exists in namespace ${p.namespace}. Did you mean ${p.best} (${p.best}.${p.namespace}.svc.${p.zone})?`,
    ko: (p) =>
      `${p.namespace} 네임스페이스에는 이름이 ${p.service}인 서비스가 없습니다. ${p.best} 서비스(${p.best}.${p.namespace}.svc.${p.zone})를 말한 것인가요?`,
    example: { service: 'dbb', namespace: 'default', best: 'db', zone: 'cluster.local' },
  },
  'dns.noService': {
    en: (p: { service: string; namespace: string; name: string }) =>
      `No Service named ${p.service} exists in namespace ${p.namespace}, and the upstream resolver does not know ${p.name} either.`,
    ko: (p) =>
      `${p.namespace} 네임스페이스에는 이름이 ${p.service}인 서비스가 없고, 업스트림 리졸버도 ${p.name} 이름을 모릅니다.`,
    example: { service: 'nope', namespace: 'default', name: 'nope.' },
  },
  'dns.noAnswer': {
    en: (_: object) => 'nothing answered',
    ko: () => '아무도 응답하지 않았습니다',
    example: {},
  },
});
