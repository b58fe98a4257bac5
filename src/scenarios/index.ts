/**
 * The scenario menu: each entry is a runnable lesson scene, a real multi-document YAML file beside this
 * one. The same files feed the menu, the lessons, unit tests and end-to-end tests.
 */
import clusteripThreePods from './clusterip-three-pods.yaml?raw';
import nodeportLocalVsCluster from './nodeport-local-vs-cluster.yaml?raw';
import headlessVsNormal from './headless-vs-normal.yaml?raw';
import loadbalancer from './loadbalancer.yaml?raw';
import sessionAffinity from './session-affinity.yaml?raw';
import readiness from './readiness.yaml?raw';
import ingress from './ingress.yaml?raw';
import dnsAndEnv from './dns-and-env.yaml?raw';
import externalname from './externalname.yaml?raw';
import ipvsSchedulerMyth from './ipvs-scheduler-myth.yaml?raw';
import hostportVsNodeport from './hostport-vs-nodeport.yaml?raw';
import loadbalancerIpMode from './loadbalancer-ip-mode.yaml?raw';
import clientIpAndKeepalive from './client-ip-and-keepalive.yaml?raw';
import type { RequestInit } from '../engine';

export type ScenarioId =
  | 'clusterip-three-pods'
  | 'nodeport-local-vs-cluster'
  | 'headless-vs-normal'
  | 'loadbalancer'
  | 'session-affinity'
  | 'readiness'
  | 'ingress'
  | 'dns-and-env'
  | 'externalname'
  | 'ipvs-scheduler-myth'
  | 'hostport-vs-nodeport'
  | 'loadbalancer-ip-mode'
  | 'client-ip-and-keepalive';

export interface Scenario {
  id: ScenarioId;
  file: string; // "clusterip-three-pods.yaml"
  title: { en: string; ko: string };
  description: { en: string; ko: string };
  yaml: string;
  /**
   * The request the scene suggests first (the request bar is filled with it). The target may name
   * allocated addresses by placeholder, filled from the built cluster (store/suggested-target.ts):
   * "http://{lb:default/web}/".
   */
  request: RequestInit;
  /** The suggestion is to look the target's name up (nslookup from the source pod), not to send. */
  lookup?: boolean;
}

export const scenarios: readonly Scenario[] = [
  {
    id: 'clusterip-three-pods',
    file: 'clusterip-three-pods.yaml',
    title: { en: 'ClusterIP with three pods', ko: 'ClusterIP와 파드 세 개' },
    description: {
      en: 'A virtual IP that exists only as kube-proxy rules on every node, spreading requests over three pods.',
      ko: '모든 노드의 kube-proxy 규칙으로만 존재하는 가상 IP가 요청을 파드 세 개로 나눕니다.',
    },
    yaml: clusteripThreePods,
    request: { from: 'pod/default/client', target: 'http://web' },
  },
  {
    id: 'nodeport-local-vs-cluster',
    file: 'nodeport-local-vs-cluster.yaml',
    title: { en: 'NodePort: Local vs Cluster', ko: 'NodePort: Local vs Cluster' },
    description: {
      en: 'externalTrafficPolicy decides whether a node without a pod forwards (and SNATs) or drops.',
      ko: 'externalTrafficPolicy에 따라 파드가 없는 노드가 다른 노드로 넘길지(SNAT) 버릴지가 갈립니다.',
    },
    yaml: nodeportLocalVsCluster,
    request: { from: 'external', target: 'http://{nodeIP:node-2}:{nodePort:default/echo-local}' },
  },
  {
    id: 'headless-vs-normal',
    file: 'headless-vs-normal.yaml',
    title: { en: 'Headless vs normal Service', ko: '헤드리스 서비스와 일반 서비스' },
    description: {
      en: 'Same pods, different DNS: one ClusterIP, or one A record per ready pod and no kube-proxy.',
      ko: '같은 파드, 다른 DNS 응답: ClusterIP 하나, 또는 준비된 파드마다 A 레코드 하나(kube-proxy 없음).',
    },
    yaml: headlessVsNormal,
    request: { from: 'pod/default/client', target: 'mongo-headless' },
    lookup: true,
  },
  {
    id: 'loadbalancer',
    file: 'loadbalancer.yaml',
    title: { en: 'LoadBalancer', ko: 'LoadBalancer' },
    description: {
      en: 'A cloud load balancer in front of a NodePort; keep-alive explains why a browser sticks to one pod.',
      ko: 'NodePort 앞의 클라우드 로드밸런서. 브라우저가 한 파드로만 가는 이유는 keep-alive입니다.',
    },
    yaml: loadbalancer,
    request: { from: 'external', target: 'http://{lb:default/web}/', protocol: 'HTTP/1.0', count: 20 },
  },
  {
    id: 'session-affinity',
    file: 'session-affinity.yaml',
    title: { en: 'Session affinity (ClientIP)', ko: '세션 어피니티 (ClientIP)' },
    description: {
      en: 'kube-proxy pins each client IP to one pod; a Service cannot read cookies.',
      ko: 'kube-proxy가 클라이언트 IP마다 파드 하나를 고정합니다. 서비스는 쿠키를 볼 수 없습니다.',
    },
    yaml: sessionAffinity,
    request: { from: 'pod/default/client', target: 'http://sticky', protocol: 'HTTP/1.0', count: 20 },
  },
  {
    id: 'readiness',
    file: 'readiness.yaml',
    title: { en: 'Readiness', ko: '준비성 프로브' },
    description: {
      en: 'A pod whose readiness probe fails is taken out of the endpoints, not restarted.',
      ko: '준비성 프로브가 실패한 파드는 재시작되지 않고 엔드포인트에서만 빠집니다.',
    },
    yaml: readiness,
    request: { from: 'pod/default/client', target: 'http://api', protocol: 'HTTP/1.0', count: 100 },
  },
  {
    id: 'ingress',
    file: 'ingress.yaml',
    title: { en: 'Ingress: hosts, paths, TLS', ko: 'Ingress: 호스트, 경로, TLS' },
    description: {
      en: 'One entry point routes by Host and path, terminates TLS and proxies straight to pod IPs.',
      ko: '하나의 진입점이 Host와 경로로 라우팅하고 TLS를 종료한 뒤 파드 IP로 바로 프록시합니다.',
    },
    yaml: ingress,
    // shop-tls is self-signed: curl -k, or the handshake ends in exit 60 (the scene's comment says why).
    request: { from: 'external', target: 'https://shop.example.com/api/orders', insecure: true },
  },
  {
    id: 'dns-and-env',
    file: 'dns-and-env.yaml',
    title: { en: 'DNS and environment variables', ko: 'DNS와 환경 변수' },
    description: {
      en: 'Env vars know only the Services of the pod’s namespace that existed when it started; DNS knows them all.',
      ko: '환경 변수는 파드가 시작될 때 같은 네임스페이스에 있던 서비스만 알고, DNS는 모든 서비스를 압니다.',
    },
    yaml: dnsAndEnv,
    request: { from: 'pod/default/early', target: 'cache' },
    lookup: true,
  },
  {
    id: 'externalname',
    file: 'externalname.yaml',
    title: { en: 'ExternalName and manual endpoints', ko: 'ExternalName과 수동 엔드포인트' },
    description: {
      en: 'Reaching outside the cluster: a DNS CNAME, or a selector-less Service with its own EndpointSlice.',
      ko: '클러스터 밖으로: DNS CNAME, 또는 셀렉터 없는 서비스와 직접 만든 EndpointSlice.',
    },
    yaml: externalname,
    request: { from: 'pod/default/client', target: 'http://legacy-api' },
  },
  {
    id: 'ipvs-scheduler-myth',
    file: 'ipvs-scheduler-myth.yaml',
    title: { en: 'The ipvs-scheduler annotation myth', ko: 'ipvs-scheduler 어노테이션의 오해' },
    description: {
      en: 'service.beta.kubernetes.io/ipvs-scheduler does nothing: the scheduler is one kube-proxy setting.',
      ko: 'service.beta.kubernetes.io/ipvs-scheduler는 아무 효과가 없습니다. 스케줄러는 kube-proxy 설정 하나입니다.',
    },
    yaml: ipvsSchedulerMyth,
    request: { from: 'pod/default/client', target: 'http://web', protocol: 'HTTP/1.0', count: 12 },
  },
  {
    id: 'hostport-vs-nodeport',
    file: 'hostport-vs-nodeport.yaml',
    title: { en: 'hostPort vs NodePort', ko: 'hostPort와 NodePort의 차이' },
    description: {
      en: "A hostPort opens only on the pod's own node (CNI portmap rules); a NodePort opens on every node.",
      ko: 'hostPort는 파드가 있는 노드에서만 열리고(CNI portmap 규칙), NodePort는 모든 노드에서 열립니다.',
    },
    yaml: hostportVsNodeport,
    request: { from: 'external', target: 'http://{nodeIP:node-2}:8080/' },
  },
  {
    id: 'loadbalancer-ip-mode',
    file: 'loadbalancer-ip-mode.yaml',
    title: { en: 'NLB IP mode vs instance mode', ko: 'NLB IP 모드와 인스턴스 모드' },
    description: {
      en: 'IP targets go straight to a pod, skipping NodePort and kube-proxy; instance targets go through a node.',
      ko: 'IP 타깃은 NodePort와 kube-proxy를 거치지 않고 파드로 바로 가고, 인스턴스 타깃은 노드를 거칩니다.',
    },
    yaml: loadbalancerIpMode,
    request: { from: 'external', target: 'http://{lb:default/web-ip}/' },
  },
  {
    id: 'client-ip-and-keepalive',
    file: 'client-ip-and-keepalive.yaml',
    title: { en: 'Client IP and keep-alive', ko: '클라이언트 IP와 keep-alive' },
    description: {
      en: 'Where the client address survives (Local, X-Forwarded-For), and why one connection means one pod.',
      ko: '클라이언트 주소가 남는 경우(Local, X-Forwarded-For)와, 연결 하나가 파드 하나인 이유.',
    },
    yaml: clientIpAndKeepalive,
    request: {
      from: 'external',
      target: 'http://{lb:default/app-cluster}/',
      protocol: 'HTTP/1.1',
      keepalive: true,
      count: 10,
    },
  },
];

/** The scene a first visit opens. */
export const DEFAULT_SCENARIO: ScenarioId = 'clusterip-three-pods';

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
