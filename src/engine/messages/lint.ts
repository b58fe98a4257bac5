/**
 * Lints and their hints: what Kubernetes accepts but will not do as the student meant (a selector that
 * matches nothing, a targetPort nobody listens on, an annotation nothing reads …), and what to do about
 * it. Object names, labels, fields and annotation keys are parameters, written as in the YAML. Words a
 * real tool prints (the scheduler's FailedScheduling message, a probe's error) are parameters too and
 * stay in English.
 */
import { defineMessages, type Msg, type RenderNested } from './define';
import { josa } from './josa';

const listKo = (shown: readonly string[], total: number) =>
  `${shown.join(', ')}${total > shown.length ? ` 외 ${total - shown.length}개` : ''}`;

const d = (id: string, params: Msg['params'] = {}): Msg => ({ id, params });

/**
 * A workload kind as the Korean documentation writes an API object: in Hangul with the kind beside it
 * (디플로이먼트(Deployment)); other kinds as written.
 */
const KIND_KO: Record<string, string> = {
  Deployment: '디플로이먼트',
  ReplicaSet: '레플리카셋',
  StatefulSet: '스테이트풀셋',
  DaemonSet: '데몬셋',
  Job: '잡',
  CronJob: '크론잡',
  Pod: '파드',
};
const kindKo = (kind: string) => (KIND_KO[kind] ? `${KIND_KO[kind]}(${kind})` : kind);

export const lint = defineMessages({
  /** Who a workload lint is about: one pod, or the pods of a Deployment (ReplicaSet …). */
  'lint.who': {
    en: (p: { kind: string; name: string }) =>
      p.kind === 'Pod' ? `Pod ${p.name}` : `the pods of ${p.kind} ${p.name}`,
    ko: (p) => (p.kind === 'Pod' ? `${p.name} 파드` : `${kindKo(p.kind)} ${p.name}의 파드`),
    example: { kind: 'Deployment', name: 'web' },
  },

  'lint.ipvsScheduler': {
    en: (p: { annotation: string }) =>
      `annotation ${p.annotation} has no effect: no Kubernetes component reads it`,
    ko: (p) =>
      `${p.annotation} 어노테이션은 아무 효과가 없습니다. 이 어노테이션을 읽는 쿠버네티스 구성 요소가 없습니다.`,
    example: { annotation: 'service.beta.kubernetes.io/ipvs-scheduler' },
  },
  /** topology-mode Auto: the EndpointSlice controller's topology cache refused to hint (its Warning event). */
  'lint.topologyHints.disabled': {
    en: (p: { event: string }) =>
      `the EndpointSlice controller records a Warning event on this Service, TopologyAwareHintsDisabled: "${p.event}". Its EndpointSlices carry no hints, so kube-proxy on every node sends to every ready endpoint, in any zone.`,
    ko: (p) =>
      `엔드포인트슬라이스 컨트롤러가 이 서비스에 Warning 이벤트 TopologyAwareHintsDisabled를 남깁니다: "${p.event}". 엔드포인트슬라이스에 힌트가 없으므로 모든 노드의 kube-proxy가 존을 가리지 않고 준비된 엔드포인트 전부로 보냅니다.`,
    example: { event: 'Insufficient number of endpoints (2 endpoints, 3 zones), addressType: IPv4' },
  },
  /** topology-mode Auto: the topology cache hinted this Service's endpoints (its Normal event). */
  'lint.topologyHints.enabled': {
    en: (p: { event: string }) =>
      `the EndpointSlice controller records a Normal event on this Service, TopologyAwareHintsEnabled: "${p.event}". Its EndpointSlices carry zone hints, so kube-proxy on each node sends to the endpoints hinted for that node's zone (to every ready endpoint when none is hinted for it).`,
    ko: (p) =>
      `엔드포인트슬라이스 컨트롤러가 이 서비스에 Normal 이벤트 TopologyAwareHintsEnabled를 남깁니다: "${p.event}". 엔드포인트슬라이스에 존 힌트가 들어가므로 각 노드의 kube-proxy는 그 노드의 존에 힌트된 엔드포인트로 보냅니다(그 존에 힌트된 엔드포인트가 하나도 없으면 준비된 엔드포인트 전부로 보냅니다).`,
    example: { event: 'Topology Aware Hints has been enabled, addressType: IPv4' },
  },
  'lint.topologyHints.disabled.hint': {
    en: (p: { trafficDistribution: string }) =>
      `With topology-mode Auto the controller gives each zone a share of the ready endpoints in proportion to the allocatable CPU of its ready nodes (control-plane nodes left out), at least the share divided by 1.2, and gives up when it cannot: fewer ready endpoints than zones, a node without a zone or CPU, an endpoint without a zone, or fewer than two zones.${p.trafficDistribution ? ` The annotation also switches spec.trafficDistribution (${p.trafficDistribution}) off: remove the annotation to use it.` : ''}`,
    ko: (p) =>
      `topology-mode Auto에서 컨트롤러는 각 존의 준비된 노드(컨트롤 플레인 노드 제외)가 가진 할당 가능한 CPU에 비례해 준비된 엔드포인트를 존마다 나누고, 적어도 그 몫을 1.2로 나눈 만큼은 주려 합니다. 그럴 수 없으면 포기합니다: 준비된 엔드포인트가 존보다 적을 때, 존이나 CPU가 없는 노드가 있을 때, 존이 없는 엔드포인트가 있을 때, 존이 둘보다 적을 때입니다.${p.trafficDistribution ? ` 이 어노테이션은 spec.trafficDistribution(${p.trafficDistribution})도 끕니다. 그 설정을 쓰려면 어노테이션을 지우세요.` : ''}`,
    example: { trafficDistribution: 'PreferClose' },
  },
  /** topology-mode Auto together with trafficDistribution: the annotation wins. */
  'lint.topologyHints.trafficDistribution': {
    en: (p: { trafficDistribution: string; annotation: string }) =>
      `spec.trafficDistribution (${p.trafficDistribution}) is not used: the annotation ${p.annotation}: Auto hands the hints to the EndpointSlice controller's topology cache instead`,
    ko: (p) =>
      `spec.trafficDistribution(${p.trafficDistribution})은 쓰이지 않습니다. ${p.annotation}: Auto 어노테이션이 힌트를 엔드포인트슬라이스 컨트롤러의 토폴로지 캐시에 맡기기 때문입니다.`,
    example: { trafficDistribution: 'PreferClose', annotation: 'service.kubernetes.io/topology-mode' },
  },
  'lint.ipvsScheduler.hint': {
    en: (p: { current: string }) =>
      `The IPVS scheduler is a kube-proxy setting for the whole node (ipvs.scheduler in KubeProxyConfiguration, currently "${p.current}"). Per-Service schedulers were proposed and rejected upstream (kubernetes/kubernetes PR #75556).`,
    ko: (p) =>
      `IPVS 스케줄러는 노드 전체에 적용되는 kube-proxy 설정입니다(KubeProxyConfiguration의 ipvs.scheduler, 지금 값은 "${p.current}"). 서비스마다 스케줄러를 고르는 기능은 업스트림에서 제안되었다가 받아들여지지 않았습니다(kubernetes/kubernetes PR #75556).`,
    example: { current: 'rr' },
  },

  'lint.selector.noPodsInNamespace': {
    en: (p: { selector: string; namespace: string }) =>
      `selector ${p.selector} matches no pod: namespace ${p.namespace} has no pods`,
    ko: (p) =>
      `셀렉터 ${p.selector}에 맞는 파드가 없습니다. ${p.namespace} 네임스페이스에는 파드가 하나도 없습니다.`,
    example: { selector: 'app=web', namespace: 'shop' },
  },
  'lint.selector.nearest': {
    en: (
      p: { selector: string; namespace: string; pods: string[]; total: number; diffs: Msg[] },
      r: RenderNested,
    ) =>
      `selector ${p.selector} matches no pod in namespace ${p.namespace}; the nearest pods (${p.pods.join(', ')}${p.total > p.pods.length ? ` and ${p.total - p.pods.length} more` : ''}) have ${p.diffs.map(r).join(', ')}`,
    ko: (p, r) =>
      `셀렉터 ${p.selector}에 맞는 파드가 ${p.namespace} 네임스페이스에 없습니다. 가장 가까운 파드(${listKo(p.pods, p.total)})는 ${p.diffs.map(r).join(', ')}.`,
    example: {
      selector: 'app=web,tier=frontend',
      namespace: 'default',
      pods: ['web-0', 'web-1', 'web-2'],
      total: 5,
      diffs: [
        d('lint.selector.otherValue', { key: 'app', have: 'wb', want: 'web' }),
        d('lint.selector.missingLabel', { key: 'tier', want: 'frontend' }),
      ],
    },
  },
  'lint.selector.missingLabel': {
    en: (p: { key: string; want: string }) => `no label ${p.key} (want ${p.key}=${p.want})`,
    ko: (p) => `${p.key} 레이블이 없습니다(${p.key}=${p.want} 필요)`,
    example: { key: 'tier', want: 'frontend' },
  },
  'lint.selector.otherValue': {
    en: (p: { key: string; have: string; want: string }) =>
      `${p.key}=${p.have} instead of ${p.key}=${p.want}`,
    ko: (p) => `${p.key}=${josa(p.want, '이/가')} 아니라 ${p.key}=${p.have}입니다`,
    example: { key: 'app', have: 'wb', want: 'web' },
  },
  'lint.selector.hint': {
    en: (_: object) => 'The Service gets no endpoints: connections to it are rejected.',
    ko: () => '이 서비스에는 엔드포인트가 생기지 않아서, 서비스로 오는 연결은 거부됩니다.',
    example: {},
  },

  'lint.targetPort.nameNotFound': {
    en: (p: { target: string; protocol: string; port: string }) =>
      `named targetPort ${p.target} is not the name of any ${p.protocol} containerPort of the selected pods; they are left out of the Service's endpoints for port ${p.port}`,
    ko: (p) =>
      `이름이 붙은 targetPort ${josa(p.target, '은/는')} 선택된 파드의 어떤 ${p.protocol} containerPort 이름과도 맞지 않습니다. 그래서 이 파드들은 ${p.port} 포트의 엔드포인트에서 빠집니다.`,
    example: { target: 'http', protocol: 'TCP', port: 'web' },
  },
  'lint.targetPort.notListening': {
    en: (p: { target: number; protocol: string; declared: string[]; port: number }) =>
      `targetPort ${p.target}/${p.protocol}: no selected pod listens on it${p.declared.length ? ` (their containers declare ${p.declared.join(', ')})` : ' (their containers declare no ports)'}; connections through port ${p.port} will be refused`,
    ko: (p) =>
      `targetPort ${p.target}/${p.protocol}에서 기다리는 파드가 없습니다${p.declared.length ? `(컨테이너가 선언한 포트: ${p.declared.join(', ')})` : '(컨테이너가 선언한 포트가 없음)'}. ${p.port} 포트로 오는 연결은 거부됩니다.`,
    example: { target: 8080, protocol: 'TCP', declared: ['80/TCP'], port: 80 },
  },

  'lint.endpoints.clusterIP': {
    en: (p: { ip: string; service: string }) =>
      `${p.ip} is the ClusterIP of Service ${p.service}: endpoint IP addresses cannot be the cluster IPs of other Kubernetes Services, because kube-proxy doesn't support virtual IPs as a destination`,
    ko: (p) =>
      `${p.ip} 주소는 ${p.service} 서비스의 클러스터 IP입니다. kube-proxy는 가상 IP를 목적지로 다루지 못하므로, 엔드포인트 IP 주소로 다른 서비스의 클러스터 IP를 쓸 수 없습니다.`,
    example: { ip: '10.96.0.20', service: 'default/db' },
  },
  'lint.endpoints.clusterIP.hint': {
    en: (_: object) =>
      'Point the endpoints at pod or external IPs, or use an ExternalName Service to alias another Service.',
    ko: () =>
      '엔드포인트에는 파드 IP나 외부 IP를 쓰세요. 다른 서비스를 다른 이름으로 부르고 싶다면 ExternalName 서비스를 쓰세요.',
    example: {},
  },
  'lint.endpoints.replaced': {
    en: (p: { service: string }) =>
      `Service ${p.service} has a selector, so the endpoints controller owns this Endpoints object and replaces these subsets`,
    ko: (p) =>
      `${p.service} 서비스에 셀렉터가 있어서 엔드포인트 컨트롤러가 이 엔드포인트 오브젝트를 관리하고, 여기에 쓴 subsets를 덮어씁니다.`,
    example: { service: 'default/web' },
  },
  'lint.endpoints.replaced.hint': {
    en: (_: object) => "Remove the Service's selector to manage its endpoints by hand.",
    ko: () => '엔드포인트를 직접 관리하려면 서비스의 셀렉터를 지우세요.',
    example: {},
  },

  'lint.listen.invalid': {
    en: (p: { annotation: string; error: Msg }, r: RenderNested) => `${p.annotation}: ${r(p.error)}`,
    ko: (p, r) => `${p.annotation} 어노테이션을 읽을 수 없습니다. ${r(p.error)}`,
    example: {
      annotation: 'svclab.io/listen',
      error: { id: 'lint.listen.badEntry', params: { entry: '80/TPC' } },
    },
  },
  'lint.listen.badEntry': {
    en: (p: { entry: string }) => `${p.entry}: expected [container=][127.0.0.1:]PORT[/TCP|UDP|SCTP]`,
    ko: (p) => `${p.entry}: [컨테이너=][127.0.0.1:]포트[/TCP|UDP|SCTP] 형식으로 쓰세요`,
    example: { entry: '80x' },
  },
  'lint.listen.noContainer': {
    en: (p: { entry: string; container: string }) =>
      `${p.entry}: the pod has no container named ${p.container}`,
    ko: (p) => `${p.entry}: 파드에 ${josa(p.container, '이라/라')}는 컨테이너가 없습니다`,
    example: { entry: 'side=81', container: 'side' },
  },
  'lint.probe.notListening': {
    en: (p: { container: string; port: number | string; error: string }) =>
      `readiness probe of container ${p.container} aims at port ${p.port}, where nothing in the pod listens on the pod IP: the pod never becomes Ready (Readiness probe failed: ${p.error})`,
    ko: (p) =>
      `${p.container} 컨테이너의 준비성 프로브가 ${p.port} 포트를 겨누지만, 파드 IP의 그 포트에서 기다리는 것이 없습니다. 그래서 파드는 끝내 Ready가 되지 않습니다(Readiness probe failed: ${p.error}).`,
    example: {
      container: 'web',
      port: 8080,
      error: 'dial tcp 10.244.1.5:8080: connect: connection refused',
    },
  },
  'lint.probe.notListening.hint': {
    en: (_: object) =>
      'The kubelet probes the pod IP, so a port bound only to 127.0.0.1 fails too. Probe a port the app listens on.',
    ko: () =>
      'kubelet은 파드 IP로 프로브를 보내므로 127.0.0.1에만 묶인 포트도 실패합니다. 앱이 실제로 기다리는 포트를 프로브하세요.',
    example: {},
  },

  'lint.pending': {
    en: (p: { kind: string; name: string; count: number; scheduler: string }) =>
      `${p.kind === 'Pod' ? `Pod ${p.name} stays` : `${p.count} pod${p.count > 1 ? 's' : ''} of ${p.kind} ${p.name} ${p.count > 1 ? 'stay' : 'stays'}`} Pending (FailedScheduling): ${p.scheduler}`,
    ko: (p) =>
      `${p.kind === 'Pod' ? `${p.name} 파드가` : `${kindKo(p.kind)} ${p.name}의 파드 ${p.count}개가`} Pending 상태에 머뭅니다(FailedScheduling): ${p.scheduler}`,
    example: {
      kind: 'Deployment',
      name: 'web',
      count: 2,
      scheduler:
        "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    },
  },
  'lint.pending.hostPort.hint': {
    en: (_: object) =>
      'A hostPort can be taken by one pod per node (per protocol and host IP): run at most one such pod per node, or reach the pods through a Service instead.',
    ko: () =>
      'hostPort는 노드마다(프로토콜과 호스트 IP마다) 파드 하나만 차지할 수 있습니다. 이런 파드는 노드마다 하나만 실행하거나, 서비스를 거쳐 파드에 닿게 하세요.',
    example: {},
  },
  'lint.pending.spread.hint': {
    en: (p: { label: boolean }) =>
      p.label
        ? 'A DoNotSchedule topology spread constraint refuses every node that lacks its topologyKey label: label the nodes, or pick a key they carry (kubernetes.io/hostname, topology.kubernetes.io/zone).'
        : 'A DoNotSchedule topology spread constraint refuses a node when the pod would put its domain more than maxSkew matching pods above the emptiest domain. Every node with the topologyKey counts as a domain, even one the pod cannot use (a cordoned or tainted node counts unless nodeTaintsPolicy is Honor). Raise maxSkew, set nodeTaintsPolicy: Honor, or use whenUnsatisfiable: ScheduleAnyway to make the spread a preference.',
    ko: (p) =>
      p.label
        ? 'whenUnsatisfiable이 DoNotSchedule인 토폴로지 분배 제약은 topologyKey 레이블이 없는 노드를 모두 거절합니다. 노드에 레이블을 붙이거나, 노드가 가진 키(kubernetes.io/hostname, topology.kubernetes.io/zone)를 고르세요.'
        : 'whenUnsatisfiable이 DoNotSchedule인 토폴로지 분배 제약은 파드를 놓았을 때 그 도메인의 일치 파드 수가 가장 적은 도메인보다 maxSkew를 넘게 많아지는 노드를 거절합니다. topologyKey가 있는 노드는 파드가 쓸 수 없는 노드라도 모두 도메인으로 셉니다(코든되었거나 테인트가 있는 노드도 nodeTaintsPolicy가 Honor가 아니면 셉니다). maxSkew를 늘리거나, nodeTaintsPolicy: Honor를 쓰거나, whenUnsatisfiable: ScheduleAnyway로 분배를 선호 사항으로 바꾸세요.',
    example: { label: false },
  },

  'lint.configError': {
    en: (p: {
      kind: string;
      name: string;
      count: number;
      container: string;
      error: string;
      init?: boolean;
    }) =>
      `${p.kind === 'Pod' ? `Pod ${p.name} stays` : `${p.count} pod${p.count > 1 ? 's' : ''} of ${p.kind} ${p.name} ${p.count > 1 ? 'stay' : 'stays'}`} Pending: the kubelet cannot create ${p.init ? 'init container' : 'container'} ${p.container} (CreateContainerConfigError), so ${p.init ? 'no app container starts (init containers run first, in order), ' : ''}the pod is not Ready and its endpoint is not ready. Event: Error: ${p.error}`,
    ko: (p) =>
      `${p.kind === 'Pod' ? `${p.name} 파드가` : `${kindKo(p.kind)} ${p.name}의 파드 ${p.count}개가`} Pending 상태에 머뭅니다. kubelet이 ${p.container} ${p.init ? '초기화 컨테이너' : '컨테이너'}를 만들지 못해(CreateContainerConfigError) ${p.init ? '앱 컨테이너는 하나도 시작되지 않고(초기화 컨테이너가 순서대로 먼저 실행되어야 합니다) ' : ''}파드는 Ready가 되지 않고 엔드포인트도 준비되지 않습니다. 이벤트: Error: ${p.error}`,
    example: {
      kind: 'Deployment',
      name: 'web',
      count: 2,
      container: 'app',
      error:
        'container has runAsNonRoot and image will run as root (pod: "web-7c9d8-abcde_default(3f1c…)", container: app)',
    },
  },
  'lint.configError.nonRoot.hint': {
    en: (_: object) =>
      'With runAsNonRoot: true the kubelet starts a container only if it runs as a user other than 0: set securityContext.runAsUser to a non-zero UID, or use an image built to run as a non-root user.',
    ko: () =>
      'runAsNonRoot: true이면 kubelet은 0이 아닌 사용자로 실행되는 컨테이너만 시작합니다. securityContext.runAsUser에 0이 아닌 UID를 쓰거나, 루트가 아닌 사용자로 실행되도록 만든 이미지를 쓰세요.',
    example: {},
  },
  'lint.configError.reference.hint': {
    en: (_: object) =>
      'The kubelet reads the ConfigMap or Secret when it creates the container and retries until it can: add the object or the key, or mark the reference optional: true.',
    ko: () =>
      'kubelet은 컨테이너를 만들 때 컨피그맵이나 시크릿을 읽고, 읽을 수 있을 때까지 다시 시도합니다. 그 오브젝트나 키를 추가하거나, 참조에 optional: true를 쓰세요.',
    example: {},
  },

  'lint.node.podSubnetFull': {
    en: (p: { subnet: string; mask: number; node: string }) =>
      `podSubnet ${p.subnet} has no free /${p.mask} left for node ${p.node}; its pods get no IP`,
    ko: (p) =>
      `podSubnet ${p.subnet}에 ${p.node} 노드에 줄 /${p.mask} 대역이 남아 있지 않습니다. 이 노드의 파드는 IP를 받지 못합니다.`,
    example: { subnet: '10.244.0.0/24', mask: 24, node: 'node-2' },
  },
  'lint.node.podCidrOutside': {
    en: (p: { cidr: string; subnet: string }) =>
      `spec.podCIDR ${p.cidr} is not inside the cluster's podSubnet ${p.subnet}`,
    ko: (p) => `spec.podCIDR ${p.cidr} 대역이 클러스터의 podSubnet ${p.subnet} 안에 있지 않습니다.`,
    example: { cidr: '10.99.1.0/24', subnet: '10.244.0.0/16' },
  },
  'lint.node.podCidrOutside.hint': {
    en: (_: object) => 'kube-proxy treats traffic from outside clusterCIDR as external and masquerades it.',
    ko: () => 'kube-proxy는 clusterCIDR 밖에서 온 트래픽을 외부 트래픽으로 보고 마스커레이딩합니다.',
    example: {},
  },

  'lint.env.unresolved': {
    en: (p: { ref: string; why: Msg | null }, r: RenderNested) =>
      `$(${p.ref}) is not defined for this container, so kubelet leaves it as the literal text "$(${p.ref})"${p.why ? `: ${r(p.why)}` : '.'}`,
    ko: (p, r) =>
      `이 컨테이너에는 $(${p.ref}) 변수가 없어서 kubelet이 "$(${p.ref})" 글자를 그대로 둡니다.${p.why ? ` ${r(p.why)}` : ''}`,
    example: {
      ref: 'DB_SERVICE_HOST',
      why: d('lint.env.missing.createdLater', { service: 'db', pod: 'web', variable: 'DB_SERVICE_HOST' }),
    },
  },
  'lint.env.missing.externalName': {
    en: (p: { service: string; variable: string; target: string }) =>
      `Service ${p.service} is an ExternalName Service: it has no ClusterIP, so kubelet sets no ${p.variable}; use the DNS name ${p.service} (a CNAME to ${p.target}).`,
    ko: (p) =>
      `${p.service} 서비스는 ExternalName 서비스라서 클러스터 IP가 없고, kubelet은 ${p.variable} 변수를 넣지 않습니다. DNS 이름 ${josa(p.service, '을/를')} 쓰세요(${josa(p.target, '으로/로')} 가는 CNAME).`,
    example: { service: 'payments', variable: 'PAYMENTS_SERVICE_HOST', target: 'pay.example.com' },
  },
  'lint.env.missing.headless': {
    en: (p: { service: string; variable: string }) =>
      `Service ${p.service} is headless (clusterIP: None): kubelet only injects variables for Services with a ClusterIP, so there is no ${p.variable}; resolve ${p.service} through DNS instead.`,
    ko: (p) =>
      `${p.service} 서비스는 헤드리스 서비스입니다(clusterIP: None). kubelet은 클러스터 IP가 있는 서비스의 변수만 넣어 주므로 ${p.variable} 변수는 없습니다. 대신 DNS로 ${p.service} 이름을 찾으세요.`,
    example: { service: 'db', variable: 'DB_SERVICE_HOST' },
  },
  'lint.env.missing.noClusterIp': {
    en: (p: { service: string; variable: string }) =>
      `Service ${p.service} has no ClusterIP, so kubelet sets no ${p.variable}.`,
    ko: (p) => `${p.service} 서비스에 클러스터 IP가 없어서 kubelet이 ${p.variable} 변수를 넣지 않습니다.`,
    example: { service: 'db', variable: 'DB_SERVICE_HOST' },
  },
  'lint.env.missing.linksDisabled': {
    en: (p: { pod: string; namespace: string; variable: string }) =>
      `Pod ${p.pod} sets enableServiceLinks: false, so kubelet injects no variables for the Services of namespace ${p.namespace} (only KUBERNETES_*); ${p.variable} is missing.`,
    ko: (p) =>
      `${p.pod} 파드가 enableServiceLinks: false로 설정되어 있어서 kubelet이 ${p.namespace} 네임스페이스 서비스의 변수를 넣지 않습니다(KUBERNETES_*만 들어감). 그래서 ${p.variable} 변수가 없습니다.`,
    example: { pod: 'web', namespace: 'shop', variable: 'DB_SERVICE_HOST' },
  },
  'lint.env.missing.createdLater': {
    en: (p: { service: string; pod: string; variable: string }) =>
      `Service ${p.service} was created by a later kubectl apply than pod ${p.pod}, and kubelet only injects the Services that exist when a container starts: ${p.variable} is missing until the pod is recreated (DNS name ${p.service} works now).`,
    ko: (p) =>
      `${p.service} 서비스는 ${p.pod} 파드보다 나중의 kubectl apply로 만들어졌고, kubelet은 컨테이너가 시작할 때 있던 서비스의 변수만 넣어 줍니다. 파드를 다시 만들기 전까지 ${p.variable} 변수는 없습니다(DNS 이름 ${josa(p.service, '은/는')} 지금도 동작합니다).`,
    example: { service: 'db', pod: 'web', variable: 'DB_SERVICE_HOST' },
  },
  'lint.env.unresolved.hint': {
    en: (_: object) => 'Use the Service’s DNS name instead of its environment variables.',
    ko: () => '서비스의 환경 변수 대신 DNS 이름을 쓰세요.',
    example: {},
  },
  'lint.dns.hostNetworkClusterFirst': {
    en: (p: { who: Msg; one: boolean }, r: RenderNested) =>
      `${r(p.who)} use${p.one ? 's' : ''} hostNetwork with dnsPolicy ClusterFirst, which kubelet turns into Default: Service names will not resolve there.`,
    ko: (p, r) =>
      `${josa(r(p.who), '은/는')} hostNetwork에 dnsPolicy ClusterFirst를 쓰는데, kubelet은 이것을 Default로 바꿉니다. 그래서 그 파드에서는 서비스 이름이 풀리지 않습니다.`,
    example: { who: d('lint.who', { kind: 'Pod', name: 'agent' }), one: true },
  },
  'lint.dns.hostNetworkClusterFirst.hint': {
    en: (_: object) => 'Set dnsPolicy: ClusterFirstWithHostNet to use cluster DNS on the host network.',
    ko: () =>
      '호스트 네트워크에서도 클러스터 DNS를 쓰려면 dnsPolicy: ClusterFirstWithHostNet으로 설정하세요.',
    example: {},
  },
  'lint.dns.subdomainNoService': {
    en: (p: { subdomain: string; namespace: string; hasClusterIP: boolean; name: string }) =>
      `spec.subdomain is ${p.subdomain}, but namespace ${p.namespace} has no headless Service ${p.subdomain}${p.hasClusterIP ? ` (${p.subdomain} has a ClusterIP)` : ''}, so the pod's name ${p.name} does not resolve.`,
    ko: (p) =>
      `spec.subdomain이 ${p.subdomain}인데 ${p.namespace} 네임스페이스에 ${p.subdomain} 헤드리스 서비스가 없습니다${p.hasClusterIP ? `(${p.subdomain} 서비스에는 클러스터 IP가 있음)` : ''}. 그래서 파드 이름 ${josa(p.name, '이/가')} 풀리지 않습니다.`,
    example: {
      subdomain: 'db',
      namespace: 'default',
      hasClusterIP: true,
      name: 'db-0.db.default.svc.cluster.local',
    },
  },
  'lint.externalName.ip': {
    en: (p: { name: string }) =>
      `externalName ${p.name} is an IP address: DNS answers a CNAME to the name "${p.name}.", which does not resolve to that address.`,
    ko: (p) =>
      `externalName ${josa(p.name, '은/는')} IP 주소입니다. DNS는 "${p.name}." 이름으로 CNAME을 응답하는데, 이 이름은 그 주소로 풀리지 않습니다.`,
    example: { name: '192.0.2.10' },
  },
  'lint.externalName.ip.hint': {
    en: (_: object) => 'Use a Service without selector and an EndpointSlice for a fixed IP address.',
    ko: () => '고정 IP 주소라면 셀렉터 없는 서비스와 엔드포인트슬라이스를 쓰세요.',
    example: {},
  },
});
