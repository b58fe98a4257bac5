/**
 * The simulated cloud load balancer (listeners, security group, target groups and their health checks)
 * and what ingress-nginx does with a request it takes: the outcome sentences and the hop notes.
 */
import { defineMessages, type Msg, type RenderNested } from './define';

export const simLb = defineMessages({
  'sim.lb.icmpNote': {
    en: (_: object) =>
      'The load balancer forwards only its listeners’ TCP/UDP ports; it does not answer ping.',
    ko: () => '로드밸런서는 리스너의 TCP/UDP 포트만 전달하고 ping에는 응답하지 않습니다.',
    example: {},
  },
  'sim.lb.icmp': {
    en: (p: { ip: string; service: string }) =>
      `${p.ip} is Service ${p.service}'s cloud load balancer, which only forwards its listener ports; ping gets no answer.`,
    ko: (p) =>
      `${p.ip} 주소는 ${p.service} 서비스의 클라우드 로드밸런서입니다. 로드밸런서는 리스너 포트만 전달하므로 ping에는 응답이 없습니다.`,
    example: { ip: '198.51.100.1', service: 'default/web' },
  },
  'sim.lb.noListenerNote': {
    en: (p: { port: number; protocol: string }) => `No listener on ${p.port}/${p.protocol}.`,
    ko: (p) => `${p.port}/${p.protocol} 리스너가 없습니다.`,
    example: { port: 8080, protocol: 'TCP' },
  },
  'sim.lb.noListener': {
    en: (p: { service: string; port: number; protocol: string }) =>
      `The load balancer of Service ${p.service} has no listener on ${p.port}/${p.protocol} (one per Service port), so the connection times out.`,
    ko: (p) =>
      `${p.service} 서비스의 로드밸런서에는 ${p.port}/${p.protocol} 리스너가 없습니다(리스너는 서비스 포트마다 하나입니다). 그래서 연결은 시간 초과로 끝납니다.`,
    example: { service: 'default/web', port: 8080, protocol: 'TCP' },
  },
  'sim.lb.firewallNote': {
    en: (p: { ranges: string[] }) =>
      `The LB's security group allows only ${p.ranges.join(', ')} (loadBalancerSourceRanges).`,
    ko: (p) => `로드밸런서의 보안 그룹은 ${p.ranges.join(', ')}만 허용합니다(loadBalancerSourceRanges).`,
    example: { ranges: ['10.0.0.0/8'] },
  },
  'sim.lb.firewall': {
    en: (p: { client: string; service: string; ranges: string[] }) =>
      `${p.client} is not in Service ${p.service}'s loadBalancerSourceRanges (${p.ranges.join(', ')}), so the cloud load balancer's firewall drops the connection; the client waits until it times out.`,
    ko: (p) =>
      `클라이언트 주소(${p.client})가 ${p.service} 서비스의 loadBalancerSourceRanges(${p.ranges.join(', ')})에 없어서, 클라우드 로드밸런서의 방화벽이 연결을 버립니다. 클라이언트는 시간 초과가 날 때까지 기다립니다.`,
    example: { client: '203.0.113.10', service: 'default/web', ranges: ['10.0.0.0/8'] },
  },
  'sim.lb.noNodePortNote': {
    en: (_: object) =>
      'Instance targets need a NodePort, and this Service has none (allocateLoadBalancerNodePorts: false).',
    ko: () =>
      '인스턴스 타깃에는 노드포트가 필요한데, 이 서비스에는 노드포트가 없습니다(allocateLoadBalancerNodePorts: false).',
    example: {},
  },
  'sim.lb.noNodePort': {
    en: (p: { service: string }) =>
      `Service ${p.service} has no NodePort (allocateLoadBalancerNodePorts: false), so an instance-mode load balancer has nothing to send to; use IP targets.`,
    ko: (p) =>
      `${p.service} 서비스에는 노드포트가 없어서(allocateLoadBalancerNodePorts: false) 인스턴스 모드 로드밸런서가 보낼 곳이 없습니다. IP 타깃을 쓰세요.`,
    example: { service: 'default/web' },
  },
  'sim.lb.emptyNote': {
    en: (_: object) => 'The target group is empty.',
    ko: () => '대상 그룹이 비어 있습니다.',
    example: {},
  },
  'sim.lb.empty': {
    en: (p: { service: string }) =>
      `Service ${p.service} has no ready pods, so its IP-mode target group is empty and the load balancer has nowhere to send the connection.`,
    ko: (p) =>
      `${p.service} 서비스에 준비된 파드가 없어서 IP 모드 대상 그룹이 비어 있고, 로드밸런서는 연결을 보낼 곳이 없습니다.`,
    example: { service: 'default/web-ip' },
  },
  'sim.lb.existingFlow': {
    en: (_: object) => 'An existing flow: the load balancer keeps sending it to the same target.',
    ko: () => '이미 있는 흐름입니다. 로드밸런서는 계속 같은 대상으로 보냅니다.',
    example: {},
  },
  'sim.lb.instance': {
    en: (p: { nodePort: number; healthCheckNodePort: number | null; failOpen: boolean }) =>
      `Instance targets: every node on NodePort ${p.nodePort}${p.healthCheckNodePort !== null ? `, health-checked on healthCheckNodePort ${p.healthCheckNodePort}` : ''}; the client address is kept.${p.failOpen ? ' Every target failed its health check, so the load balancer fails open and uses them all.' : ''}`,
    ko: (p) =>
      `인스턴스 타깃: 모든 노드의 노드포트 ${p.nodePort}번으로 보냅니다${p.healthCheckNodePort !== null ? `(헬스 체크는 healthCheckNodePort ${p.healthCheckNodePort}번)` : ''}. 클라이언트 주소는 그대로 유지됩니다.${p.failOpen ? ' 모든 대상이 헬스 체크에 실패했으므로, 로드밸런서는 fail open 방식으로 모든 대상을 씁니다.' : ''}`,
    example: { nodePort: 30080, healthCheckNodePort: 32000, failOpen: true },
  },
  'sim.lb.ip': {
    en: (p: { preserve: boolean; failOpen: boolean }) =>
      `IP targets (aws-load-balancer-nlb-target-type: ip): straight to a pod, no NodePort and no kube-proxy hop${p.preserve ? '; client IP preserved by the target group attribute' : "; the pod sees the load balancer's address (preserve_client_ip is off by default for IP targets)"}.${p.failOpen ? ' Every target failed its health check, so the load balancer fails open and uses them all.' : ''}`,
    ko: (p) =>
      `IP 타깃(aws-load-balancer-nlb-target-type: ip): 노드포트도 kube-proxy도 거치지 않고 파드로 바로 갑니다. ${p.preserve ? '대상 그룹 속성으로 클라이언트 IP를 유지합니다.' : '파드에는 로드밸런서의 주소가 보입니다(IP 타깃은 preserve_client_ip가 기본으로 꺼져 있습니다).'}${p.failOpen ? ' 모든 대상이 헬스 체크에 실패했으므로, 로드밸런서는 fail open 방식으로 모든 대상을 씁니다.' : ''}`,
    example: { preserve: false, failOpen: false },
  },
  'sim.lb.health.podReady': {
    en: (_: object) => 'pod ready',
    ko: () => '파드 준비됨',
    example: {},
  },
  'sim.lb.health.podNotReady': {
    en: (_: object) => 'pod not ready: deregistered from the target group',
    ko: () => '파드 준비 안 됨: 대상 그룹에서 빠짐',
    example: {},
  },
  'sim.lb.health.cluster': {
    en: (_: object) => 'healthy (externalTrafficPolicy Cluster: every node can forward)',
    ko: () => '정상(externalTrafficPolicy Cluster: 어느 노드든 전달할 수 있음)',
    example: {},
  },
  'sim.lb.health.up': {
    en: (p: { address: string; count: number }) =>
      `health check ${p.address}/healthz → 200 (localEndpoints ${p.count})`,
    ko: (p) => `헬스 체크 ${p.address}/healthz → 200(로컬 엔드포인트 ${p.count}개)`,
    example: { address: '192.168.49.2:32000', count: 1 },
  },
  'sim.lb.health.down': {
    en: (p: { address: string }) =>
      `health check ${p.address}/healthz → 503 (no local endpoint): out of rotation`,
    ko: (p) => `헬스 체크 ${p.address}/healthz → 503(로컬 엔드포인트 없음): 대상에서 빠짐`,
    example: { address: '192.168.49.3:32000' },
  },

  'sim.ingress.tlsError': {
    en: (p: { note: Msg }, r: RenderNested) => `The TLS handshake with ingress-nginx fails. ${r(p.note)}`,
    ko: (p, r) => `ingress-nginx와의 TLS 핸드셰이크가 실패합니다. ${r(p.note)}`,
    example: { note: { id: 'common.literal', params: { text: '…' } } },
  },
  'sim.ingress.answers': {
    en: (p: { status: number; note: Msg }, r: RenderNested) =>
      `ingress-nginx answers ${p.status} itself: ${r(p.note)}`,
    ko: (p, r) => `ingress-nginx가 직접 ${p.status} 응답을 보냅니다. ${r(p.note)}`,
    example: { status: 404, note: { id: 'common.literal', params: { text: '…' } } },
  },
  'sim.ingress.unreachable': {
    en: (p: { endpoint: string; why: Msg; gateway: string }, r: RenderNested) =>
      `ingress-nginx could not reach ${p.endpoint} (${r(p.why)}) and answers ${p.gateway}.`,
    ko: (p, r) =>
      `ingress-nginx가 ${p.endpoint} 엔드포인트에 닿지 못해 ${p.gateway} 응답을 보냅니다. ${r(p.why)}`,
    example: {
      endpoint: '10.244.1.5:8080',
      why: { id: 'sim.loop', params: {} },
      gateway: '504 Gateway Time-out',
    },
  },
  'sim.ingress.notPod': {
    en: (_: object) => 'The controller reached something that is not a pod.',
    ko: () => '컨트롤러가 파드가 아닌 곳에 닿았습니다.',
    example: {},
  },
  'sim.ingress.proxied': {
    en: (p: {
      rule: string;
      ingress: string;
      pod: string;
      endpoint: string;
      service: string;
      controller: string;
    }) =>
      `ingress-nginx matched ${p.rule} (Ingress ${p.ingress}) and proxied the request to pod ${p.pod} (${p.endpoint}) of Service ${p.service} directly, not through the ClusterIP; the pod sees the controller's address ${p.controller}, the client's is in X-Forwarded-For.`,
    ko: (p) =>
      `ingress-nginx가 ${p.ingress} 인그레스의 규칙(${p.rule})에 맞춰, 요청을 클러스터 IP를 거치지 않고 ${p.service} 서비스의 ${p.pod} 파드(${p.endpoint})로 바로 프록시했습니다. 파드에는 컨트롤러의 주소(${p.controller})가 보이고, 클라이언트의 주소는 X-Forwarded-For 헤더에 들어 있습니다.`,
    example: {
      rule: 'shop.example.com/api',
      ingress: 'default/shop',
      pod: 'api-7c9d8-abcde',
      endpoint: '10.244.1.5:8080',
      service: 'default/api',
      controller: '10.244.2.3',
    },
  },
  'sim.ingress.relay': {
    en: (_: object) => 'nginx reads the upstream response and relays it to the client.',
    ko: () => 'nginx가 업스트림의 응답을 읽어 클라이언트에게 전달합니다.',
    example: {},
  },
});
