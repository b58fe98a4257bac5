/** The Korean comments of the built-in lessons' scene files, by "<lesson>/<file>" (../localize.ts). */
import type { CommentTable } from '../localize';

export const lessonCommentsKo: Readonly<Record<string, CommentTable>> = {
  'client-ip/scene.yaml': [
    {
      en: ['A NodePort Service on 30080 with the default externalTrafficPolicy: Cluster.'],
      ko: ['30080번 노드포트 서비스입니다. externalTrafficPolicy는 기본값인 Cluster입니다.'],
    },
  ],
  'client-ip/solution.yaml': [
    {
      en: ['Local: a node forwards only to its own pods, so no SNAT is needed.'],
      ko: ['Local: 노드가 자기 파드로만 넘기므로 SNAT이 필요 없습니다.'],
    },
  ],
  'clusterip/scene.yaml': [
    {
      en: ['레슨: ClusterIP와 셀렉터 / Lesson: ClusterIP and selectors'],
      ko: ['레슨: ClusterIP와 셀렉터'],
    },
  ],
  'clusterip/solution.yaml': [
    {
      en: [
        "The Service again, with a selector that matches the pods' label (applied after scene.yaml, like kubectl apply).",
      ],
      ko: [
        '서비스를 다시 씁니다. 이번에는 셀렉터가 파드의 레이블과 맞습니다',
        '(kubectl apply처럼 scene.yaml 다음에 적용됩니다).',
      ],
    },
  ],
  'dns/scene.yaml': [
    {
      en: ["The shop's client calls http://api, but api runs in namespace backend."],
      ko: ['shop의 클라이언트는 http://api를 부르지만, api는 backend 네임스페이스에서 돕니다.'],
    },
  ],
  'dns/solution.yaml': [
    {
      en: ['An ExternalName Service in shop: "api" in shop is a CNAME for the Service in backend.'],
      ko: [
        'shop에 ExternalName 서비스를 둡니다. shop 안에서 "api"는 backend에 있는',
        '서비스를 가리키는 CNAME이 됩니다.',
      ],
    },
  ],
  'env/client.yaml': [
    {
      en: ['The first kubectl apply: the client pod starts now, and Service web does not exist yet.'],
      ko: ['첫 번째 kubectl apply: client 파드가 지금 시작되고, 서비스 web은 아직 없습니다.'],
    },
  ],
  'env/solution.yaml': [
    {
      en: [
        'One kubectl apply: every object of the file exists before any container starts, so kubelet starts',
        "client with web's variables.",
      ],
      ko: [
        'kubectl apply 한 번: 컨테이너가 시작되기 전에 파일의 모든 오브젝트가 있으므로,',
        'kubelet은 web의 변수를 넣어 client를 시작합니다.',
      ],
    },
  ],
  'env/web.yaml': [
    {
      en: ["The second kubectl apply, after client's container started: Service web and its pods."],
      ko: ['두 번째 kubectl apply, client의 컨테이너가 시작된 뒤: 서비스 web과 그 파드들.'],
    },
  ],
  'dual-stack/scene.yaml': [
    {
      en: [
        'A dual-stack cluster: a Service subnet and a pod subnet per family, IPv4 first.',
        'Every pod gets an address of each family (status.podIPs). Service web says nothing about families.',
      ],
      ko: [
        '이중 스택 클러스터: 서비스 서브넷과 파드 서브넷이 패밀리마다 하나씩, IPv4가 먼저입니다.',
        '파드마다 패밀리별 주소가 하나씩 있습니다(status.podIPs). 서비스 web에는 패밀리',
        '설정이 없습니다.',
      ],
    },
  ],
  'dual-stack/solution.yaml': [
    {
      en: [
        'RequireDualStack with IPv6 first: web gets a ClusterIP of each family (spec.clusterIPs) in',
        "ipFamilies' order, so spec.clusterIP and client's WEB_SERVICE_HOST are IPv6. The EndpointSlice",
        'controller writes one slice per family.',
      ],
      ko: [
        'IPv6를 먼저 둔 RequireDualStack: web은 ipFamilies 순서대로 패밀리마다 ClusterIP를',
        '받습니다(spec.clusterIPs). 그래서 spec.clusterIP와 client의 WEB_SERVICE_HOST는 IPv6',
        '주소입니다. 엔드포인트슬라이스 컨트롤러는 패밀리마다 슬라이스를 하나씩 씁니다.',
      ],
    },
  ],
  'gateway/scene.yaml': [
    {
      en: [
        "Envoy Gateway's class, one Gateway, two versions of the shop, and a route that sends everything to v1.",
      ],
      ko: [
        'Envoy Gateway의 클래스, Gateway 하나, shop의 두 버전, 그리고 모든 요청을 v1으로',
        '보내는 라우트.',
      ],
    },
  ],
  'gateway/solution.yaml': [
    {
      en: ['The canary: one rule, two backendRefs; Envoy sends each request to one of them by weight.'],
      ko: ['카나리: 규칙 하나에 backendRefs 두 개. Envoy가 요청마다 가중치에 따라 둘 중', '하나로 보냅니다.'],
    },
  ],
  'headless/scene.yaml': [
    {
      en: ['A database of three pods behind a normal Service: DNS gives one address, the ClusterIP.'],
      ko: ['일반 서비스 뒤의 파드 세 개짜리 데이터베이스. DNS는 주소 하나, ClusterIP를 줍니다.'],
    },
  ],
  'headless/solution.yaml': [
    {
      en: ['Headless: no ClusterIP, so DNS answers with one A record per ready pod.'],
      ko: ['헤드리스: ClusterIP가 없으므로 DNS가 준비된 파드마다 A 레코드 하나씩으로 응답합니다.'],
    },
  ],
  'hostport/scene.yaml': [
    {
      en: [
        'A node agent exposed through a NodePort Service: every node opens 30808, and 8080 on node-2 opens nothing.',
      ],
      ko: [
        '노드 에이전트를 노드포트 서비스로 노출했습니다. 모든 노드가 30808을 열고,',
        'node-2의 8080은 열려 있지 않습니다.',
      ],
    },
  ],
  'hostport/solution.yaml': [
    {
      en: ['The agent on node-2 with hostPort 8080, and no NodePort Service: only node-2:8080 is open.'],
      ko: ['node-2의 에이전트에 hostPort 8080을 주고 노드포트 서비스는 없앱니다.', 'node-2:8080만 열립니다.'],
    },
  ],
  'ingress-to-gateway/scene.yaml': [
    {
      en: [
        'The same fan-out written twice: an Ingress for ingress-nginx, and a Gateway with an HTTPRoute for Envoy Gateway.',
      ],
      ko: [
        '같은 팬아웃을 두 번 씁니다. ingress-nginx용 인그레스, 그리고 Envoy Gateway용',
        'Gateway와 HTTPRoute.',
      ],
    },
  ],
  'ingress/scene.yaml': [
    {
      en: ['Three apps, one Ingress that only knows the shop front page.'],
      ko: ['앱 세 개와, shop 첫 페이지만 아는 인그레스 하나.'],
    },
  ],
  'ingress/solution.yaml': [
    {
      en: ['One Ingress: shop.example.com/api → api, shop.example.com/ → frontend, blog.example.com → blog.'],
      ko: [
        '인그레스 하나로: shop.example.com/api → api, shop.example.com/ → frontend,',
        'blog.example.com → blog.',
      ],
    },
  ],
  'ipvs/scene.yaml': [
    {
      en: [
        "kube-proxy in IPVS mode with the default scheduler (rr). The annotation on the Service is the notes' myth.",
      ],
      ko: [
        'kube-proxy는 IPVS 모드, 기본 스케줄러(rr)입니다. 서비스에 붙은 어노테이션은',
        '노트에 나오는 오해입니다.',
      ],
    },
    {
      en: ['nothing reads this annotation'],
      ko: ['읽는 곳이 없는 어노테이션'],
    },
  ],
  'ipvs/solution.yaml': [
    {
      en: ['The scheduler is one kube-proxy setting for every virtual server.'],
      ko: ['스케줄러는 모든 가상 서버에 적용되는 kube-proxy 설정 하나입니다.'],
    },
  ],
  'kube-proxy/scene.yaml': [
    {
      en: ['Lesson: kube-proxy — rules, ping and conntrack / 레슨: kube-proxy 규칙, ping, conntrack'],
      ko: ['레슨: kube-proxy 규칙, ping, conntrack'],
    },
  ],
  'loadbalancer/scene.yaml': [
    {
      en: ['A cloud load balancer in front of the node ports, externalTrafficPolicy: Cluster.'],
      ko: ['노드포트 앞의 클라우드 로드밸런서, externalTrafficPolicy: Cluster.'],
    },
  ],
  'loadbalancer/solution.yaml': [
    {
      en: ['Local: the load balancer health-checks each node and sends only to nodes with a pod; no SNAT.'],
      ko: [
        'Local: 로드밸런서가 노드마다 헬스 체크를 해서 파드가 있는 노드로만 보냅니다.',
        'SNAT은 없습니다.',
      ],
    },
  ],
  'no-selector/scene.yaml': [
    {
      en: [
        'A legacy app runs as a bare pod without labels; Service legacy has no selector, so nothing fills its endpoints.',
      ],
      ko: [
        '레거시 앱이 레이블 없는 단독 파드로 돕니다. 서비스 legacy에는 셀렉터가 없어서',
        '엔드포인트를 채워 주는 것이 없습니다.',
      ],
    },
  ],
  'no-selector/solution.yaml': [
    {
      en: [
        "An EndpointSlice written by hand: the label ties it to Service legacy; the address is old-app's pod IP.",
      ],
      ko: [
        '직접 쓴 엔드포인트슬라이스: 레이블이 서비스 legacy에 묶어 주고, 주소는 old-app',
        '파드의 IP입니다.',
      ],
    },
  ],
  'nodeport/scene.yaml': [
    {
      en: ['Two web pods behind a ClusterIP Service: reachable inside the cluster only.'],
      ko: ['ClusterIP 서비스 뒤의 web 파드 두 개: 클러스터 안에서만 닿습니다.'],
    },
  ],
  'nodeport/solution.yaml': [
    {
      en: ['The same Service as a NodePort on 30080.'],
      ko: ['같은 서비스를 30080번 노드포트로.'],
    },
  ],
  'readiness/scene.yaml': [
    {
      en: ['Two web pods from a Deployment and a canary pod with the same label.'],
      ko: ['디플로이먼트가 만든 web 파드 두 개와, 같은 레이블을 단 카나리 파드 하나.'],
    },
  ],
  'readiness/solution.yaml': [
    {
      en: ['The canary fails its readiness probe: still running, still labelled, but not an endpoint.'],
      ko: [
        '카나리 파드의 준비성 프로브가 실패합니다. 여전히 실행 중이고 레이블도 그대로지만',
        '엔드포인트는 아닙니다.',
      ],
    },
    {
      en: ['nothing listens on 8081: the probe fails'],
      ko: ['8081에서 기다리는 것이 없어 프로브가 실패함'],
    },
  ],
  'session-affinity/scene.yaml': [
    {
      en: ['Three web pods; every new connection may land on another pod.'],
      ko: ['web 파드 세 개. 새 연결마다 다른 파드로 갈 수 있습니다.'],
    },
  ],
  'session-affinity/solution.yaml': [
    {
      en: ['ClientIP affinity: kube-proxy pins each client address to one pod (for 3 hours by default).'],
      ko: ['ClientIP 어피니티: kube-proxy가 클라이언트 주소마다 파드 하나를 고정합니다', '(기본 3시간).'],
    },
  ],
  'topology/scene.yaml': [
    {
      en: ['Three web pods over two zones; the client runs on node-3 (zone-b).'],
      ko: ['두 존에 걸친 web 파드 세 개. client는 node-3(zone-b)에서 돕니다.'],
    },
  ],
  'topology/solution.yaml': [
    {
      en: [
        'trafficDistribution: PreferClose: the EndpointSlice controller hints each ready endpoint for its zone,',
        'and kube-proxy on node-3 (zone-b) keeps to the endpoints hinted for zone-b.',
      ],
      ko: [
        'trafficDistribution: PreferClose: 엔드포인트슬라이스 컨트롤러가 준비된',
        '엔드포인트마다 자기 존을 힌트로 달고, node-3(zone-b)의 kube-proxy는 zone-b',
        '힌트가 달린 엔드포인트만 씁니다.',
      ],
    },
  ],
  'topology-node/scene.yaml': [
    {
      en: [
        'A node-local cache: a DaemonSet runs one web pod on each zone-a node (node-1 and node-2); node-3',
        '(zone-b) has none. client runs on node-1, beside a web pod; visitor runs on node-3, far from any.',
      ],
      ko: [
        '노드마다 두는 캐시: 데몬셋이 zone-a의 노드(node-1, node-2)마다 web 파드를 하나씩',
        '띄우고, node-3(zone-b)에는 없습니다. client는 web 파드가 있는 node-1에서, visitor는',
        'web 파드가 없는 node-3에서 돕니다.',
      ],
    },
  ],
  'topology-node/solution.yaml': [
    {
      en: [
        'trafficDistribution: PreferSameNode: the EndpointSlice controller hints each ready endpoint for its node',
        '(and its zone). kube-proxy on node-1 keeps to the endpoint hinted for node-1; on node-3 no endpoint is',
        'hinted for the node or its zone, so kube-proxy there uses every ready endpoint.',
      ],
      ko: [
        'trafficDistribution: PreferSameNode: 엔드포인트슬라이스 컨트롤러가 준비된 엔드포인트마다',
        '자기 노드(와 존)를 힌트로 답니다. node-1의 kube-proxy는 node-1 힌트가 달린',
        '엔드포인트만 쓰고, node-3에는 그 노드나 존을 가리키는 엔드포인트가 없으므로 그곳의',
        'kube-proxy는 준비된 엔드포인트를 모두 씁니다.',
      ],
    },
  ],
  'troubleshooting/scene.yaml': [
    {
      en: ['The outage: users get nothing from http://web. Follow the checklist.'],
      ko: ['장애 상황: 사용자가 http://web에서 아무 응답도 받지 못합니다. 체크리스트를 따라가', '보세요.'],
    },
  ],
  'troubleshooting/solution.yaml': [
    {
      en: ['Fixed: three replicas, the probe on the serving port, the selector and targetPort right.'],
      ko: ['고친 모습: 레플리카 세 개, 서비스하는 포트를 보는 프로브, 올바른 셀렉터와', 'targetPort.'],
    },
  ],
};
