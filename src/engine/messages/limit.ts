/**
 * svclab's own limits (issue 17): sizes the API server would accept but that no classroom cluster needs,
 * and that svclab will not simulate (every Service port multiplies the rules of every node; every pod
 * is drawn). Each message says what was asked, the limit, what svclab did instead, and the hint says
 * what to change. Numbers are parameters, printed with thousands separators.
 */
import { defineMessages } from './define';

const n = (v: number): string => v.toLocaleString('en');

export const limit = defineMessages({
  /** The scene holds more objects than svclab simulates: this one and the rest are left out. */
  'limit.objects': {
    en: (p: { max: number; left: number }) =>
      `svclab simulates at most ${n(p.max)} objects in a scene; this object and the ${n(p.left - 1)} after it are left out.`,
    ko: (p) =>
      `svclab은 한 장면에서 오브젝트를 최대 ${n(p.max)}개까지 시뮬레이션합니다. 이 오브젝트부터 뒤의 ${n(p.left - 1)}개는 제외됩니다.`,
    example: { max: 20000, left: 3 },
  },
  'limit.objectsHint': {
    en: (_p: object) =>
      'Split the scene into smaller ones or remove objects: a classroom cluster never needs this many.',
    ko: () => '장면을 여러 개로 나누거나 오브젝트를 줄이세요. 실습용 클러스터에는 이만큼 필요하지 않습니다.',
    example: {},
  },
  /** A Deployment or ReplicaSet asks for more pods than the scene has room for: svclab made fewer. */
  'limit.replicas': {
    en: (p: { kind: string; name: string; asked: number; made: number; max: number }) =>
      `${p.kind} ${p.name} asks for ${n(p.asked)} replicas; svclab simulates at most ${n(p.max)} pods in a scene, so it made ${n(p.made)} of them.`,
    ko: (p) =>
      `${p.kind} ${p.name}에서 레플리카 ${n(p.asked)}개를 요청했지만, svclab은 한 장면에서 파드를 최대 ${n(p.max)}개까지 시뮬레이션하므로 ${n(p.made)}개만 만들었습니다.`,
    example: { kind: 'Deployment', name: 'web', asked: 100000, made: 1997, max: 2000 },
  },
  'limit.replicasHint': {
    en: (p: { fits: number }) =>
      `Set spec.replicas to ${n(p.fits)} or fewer; a handful of pods shows every behaviour of a Service.`,
    ko: (p) =>
      `spec.replicas를 ${n(p.fits)} 이하로 줄이세요. 서비스의 동작은 파드 몇 개로도 모두 볼 수 있습니다.`,
    example: { fits: 1997 },
  },
  /** Pod objects beyond the scene's pod limit: left out. */
  'limit.pods': {
    en: (p: { max: number; left: number }) =>
      `svclab simulates at most ${n(p.max)} pods in a scene; this Pod${p.left > 1 ? ` and the ${n(p.left - 1)} Pods after it are` : ' is'} left out.`,
    ko: (p) =>
      `svclab은 한 장면에서 파드를 최대 ${n(p.max)}개까지 시뮬레이션하므로 이 파드${p.left > 1 ? `와 뒤의 파드 ${n(p.left - 1)}개` : ''}는 제외됩니다.`,
    example: { max: 2000, left: 3 },
  },
  'limit.podsHint': {
    en: (_p: object) => 'Remove Pods, or lower the replicas of the workloads written before them.',
    ko: () => '파드를 지우거나, 앞에 작성된 워크로드의 replicas를 줄이세요.',
    example: {},
  },
  /** Node documents beyond the scene's node limit: left out. */
  'limit.nodes': {
    en: (p: { max: number; left: number }) =>
      `svclab simulates at most ${n(p.max)} nodes in a scene; this Node${p.left > 1 ? ` and the ${n(p.left - 1)} Nodes after it are` : ' is'} left out.`,
    ko: (p) =>
      `svclab은 한 장면에서 노드를 최대 ${n(p.max)}개까지 시뮬레이션하므로 이 노드${p.left > 1 ? `와 뒤의 노드 ${n(p.left - 1)}개` : ''}는 제외됩니다.`,
    example: { max: 100, left: 2 },
  },
  'limit.nodesHint': {
    en: (_p: object) => 'Remove Node documents: a few nodes show how traffic crosses between them.',
    ko: () => '노드 문서를 줄이세요. 노드 사이를 오가는 트래픽은 노드 몇 개로도 충분히 볼 수 있습니다.',
    example: {},
  },
  /** A Service with more ports than svclab simulates: the whole Service is left out. */
  'limit.servicePorts': {
    en: (p: { ports: number; max: number }) =>
      `this Service has ${n(p.ports)} ports; svclab simulates at most ${n(p.max)} ports per Service, so it leaves the Service out (no ClusterIP, no rules, no DNS name).`,
    ko: (p) =>
      `이 서비스에는 포트가 ${n(p.ports)}개 있습니다. svclab은 서비스마다 포트를 최대 ${n(p.max)}개까지 시뮬레이션하므로 이 서비스는 제외됩니다(ClusterIP, 규칙, DNS 이름 모두 없음).`,
    example: { ports: 150, max: 100 },
  },
  'limit.servicePortsHint': {
    en: (_p: object) => 'Spread the ports over several Services with the same selector.',
    ko: () => '같은 셀렉터를 쓰는 서비스 여러 개에 포트를 나누어 두세요.',
    example: {},
  },
  /** Services × ports × endpoints past what svclab simulates: the rest get no endpoints. */
  'limit.endpointRules': {
    en: (p: { max: number; services: number }) =>
      `kube-proxy writes rules on every node for each port × endpoint of each Service; svclab simulates at most ${n(p.max)} of them, so this Service${p.services > 1 ? ` and ${n(p.services - 1)} more after it get` : ' gets'} no endpoints (its ClusterIP and DNS name stay; kube-proxy rejects its traffic).`,
    ko: (p) =>
      `kube-proxy는 모든 노드에 서비스마다 포트 × 엔드포인트 수만큼 규칙을 씁니다. svclab은 이 조합을 최대 ${n(p.max)}개까지 시뮬레이션하므로 이 서비스${p.services > 1 ? `와 뒤의 서비스 ${n(p.services - 1)}개` : ''}에는 엔드포인트를 만들지 않습니다(ClusterIP와 DNS 이름은 그대로이고, kube-proxy가 트래픽을 거부합니다).`,
    example: { max: 200000, services: 3 },
  },
  'limit.endpointRulesHint': {
    en: (_p: object) =>
      'Use fewer ports per Service, fewer replicas behind each Service, or fewer Services selecting the same pods.',
    ko: () =>
      '서비스마다 포트를 줄이거나, 서비스 뒤의 레플리카를 줄이거나, 같은 파드를 고르는 서비스 수를 줄이세요.',
    example: {},
  },
  /** Command output over the limit: the rest is cut. */
  'limit.output': {
    en: (p: { shown: number; total: number }) =>
      `svclab: output cut at ${n(p.shown)} of ${n(p.total)} characters; narrow the command (a name, -n NAMESPACE, a single resource type).`,
    ko: (p) =>
      `svclab: 출력이 ${n(p.total)}자 중 ${n(p.shown)}자에서 잘렸습니다. 명령의 대상을 좁히세요(이름, -n 네임스페이스, 리소스 종류 하나).`,
    example: { shown: 4194304, total: 9000000 },
  },
});
