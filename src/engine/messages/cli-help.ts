/**
 * `svclab --help` (and `help` in the console) in both languages. Command words, flags and resource
 * names are what the user types, so they stay as they are in Korean too.
 */
import { defineMessages } from './define';

export const cliHelp = defineMessages({
  'cli.help': {
    en: (_: object) => `svclab — what would Kubernetes do with these manifests?

usage: svclab [-f FILE]… [--seed N] [--lang en|ko] <command> [args] [-o json]

  -f FILE        manifests to apply (repeatable; '-' reads standard input). Document order is apply order.
  --seed N       seeds every random choice (default 1): the same input and seed give the same output.
  --lang en|ko   the language of svclab's explanations, notes and lints (default en); the output of
                 the imitated tools (kubectl, curl, dig, iptables-save …) stays as those tools print it.
  -o json        machine-readable output for any command.
  --at DURATION  run the command at that instant of the scene's Timeline (10s, 1m30s; default 0s).

commands:
  validate                                   what kubectl apply would say: errors, then warnings (exit 1 on errors)
  get <resource>[,…] [name…] | TYPE/NAME… [-n NS|-A] [-l K=V] [-o wide|yaml|json|name]
                                             pods, services (svc), endpoints (ep), endpointslices, ingresses (ing),
                                             nodes, deployments, replicasets … — as the cluster stores them;
                                             TYPE/NAME names objects one by one, kinds mixed (svc/web deploy/web)
  describe svc|ep|endpointslice|ing|servicecidr|job|cronjob [name…] | TYPE/NAME…
                                             kubectl describe: a Service's type, IPs, ports with their endpoints
                                             and traffic policies; Endpoints' subsets; an EndpointSlice's ports
                                             and endpoints (ready, target, node, zone); an Ingress's class, TLS and
                                             rules with each backend's endpoints; a ServiceCIDR's CIDRs and
                                             Ready condition; a Job's completions, pod statuses and pod template;
                                             a CronJob's schedule, job template, last schedule time and active Jobs
  exec <pod> [-n NS] [-c CONTAINER] -- <cmd> run in the pod's network view: env, cat /etc/resolv.conf,
                                             nslookup NAME, dig [+short] NAME [TYPE], dig -x IP, curl URL, grpcurl, ping HOST,
                                             telnet HOST PORT, nc -zv HOST PORT
  curl --from SRC [curl flags] URL          a request from external, external:IP, node/NAME or pod/[NS/]NAME
                                             (-H, -X, -v, -k, -m, --http1.0, --http1.1, --http2, --resolve H:P:ADDR,
                                              --connect-to H1:P1:H2:P2, --count N, --keepalive)
                                             --count N: per pod, node and zone, observed beside the rules' expected
                                             share and a chi-square verdict; two URLs side by side
  grpcurl --from SRC -plaintext [-d '{}'] [-H 'k: v'] [-authority A] ADDR SERVICE/METHOD
                                             a gRPC call (reflection first, as grpcurl does without .proto files)
  ping --from SRC [-c N] HOST                ICMP echo from the same sources
  node <name> -- <cmd>                       iptables-save [-t TABLE], ip6tables-save, ipvsadm -Ln, nft list ruleset, conntrack -L
  lesson list|show ID|validate DIR|check ID  lessons and their challenges (CLI only; see 'svclab lesson')

commands that edit the scene's text (kubectl's output; -o yaml prints the whole edited scene):
  scale TYPE NAME --replicas=N               delete TYPE NAME…          label|annotate TYPE NAME K=V… K-…
  expose TYPE NAME [--port=P] [--type=T]     cordon|uncordon NODE       drain NODE [--force] [--ignore-daemonsets]
  set selector svc NAME K=V[,K=V]            patch TYPE NAME -p PATCH [--type merge]
  rollout restart deployment/NAME
  timeline                                   the Timeline's faults and the cluster's reactions, with their instants
  timeline add FAULT NAME [-n NS] [-c C]     write a fault (NodeStopped, NodeDrained, PodDeleted, ReadinessFailing,
                                             ContainerCrashed) into the scene's Timeline at the instant (--at)

exit status: 0 success; 1 the command ran and reports a failure; 2 usage error.
`,
    ko: () => `svclab — 이 매니페스트를 쿠버네티스는 어떻게 처리할까요?

사용법: svclab [-f FILE]… [--seed N] [--lang en|ko] <명령> [인자] [-o json]

  -f FILE        적용할 매니페스트(여러 번 쓸 수 있고, '-'는 표준 입력). 문서 순서가 적용 순서입니다.
  --seed N       모든 무작위 선택의 시드(기본값 1). 입력과 시드가 같으면 출력도 같습니다.
  --lang en|ko   svclab의 설명, 노트, 린트를 출력할 언어(기본값 en). 흉내 내는 도구(kubectl, curl,
                 dig, iptables-save …)의 출력은 그 도구가 출력하는 그대로입니다.
  -o json        모든 명령을 기계가 읽는 형식으로 출력합니다.
  --at DURATION  장면 타임라인의 그 시각에 명령을 실행합니다(10s, 1m30s, 기본값 0s).

명령:
  validate                                   kubectl apply가 할 말: 오류, 그다음 경고(오류가 있으면 종료 코드 1)
  get <resource>[,…] [name…] | TYPE/NAME… [-n NS|-A] [-l K=V] [-o wide|yaml|json|name]
                                             pods, services (svc), endpoints (ep), endpointslices, ingresses (ing),
                                             nodes, deployments, replicasets … — 클러스터에 저장된 모습 그대로.
                                             TYPE/NAME은 오브젝트를 하나씩 지목(종류를 섞어도 됨: svc/web deploy/web)
  describe svc|ep|endpointslice|ing|servicecidr|job|cronjob [name…] | TYPE/NAME…
                                             kubectl describe: 서비스의 타입, IP, 포트별 엔드포인트, 트래픽 정책,
                                             엔드포인트의 서브셋, 엔드포인트슬라이스의 포트와 엔드포인트별 Ready,
                                             대상, 노드, 존, 인그레스의 클래스, TLS, 규칙과 백엔드별 엔드포인트,
                                             ServiceCIDR의 CIDR과 Ready 컨디션, 잡의 완료 수,
                                             파드 상태, 파드 템플릿, 크론잡의 스케줄, 잡 템플릿, 마지막 스케줄 시각,
                                             실행 중인 잡
  exec <pod> [-n NS] [-c CONTAINER] -- <cmd> 파드의 네트워크에서 실행: env, cat /etc/resolv.conf,
                                             nslookup NAME, dig [+short] NAME [TYPE], dig -x IP, curl URL, grpcurl, ping HOST,
                                             telnet HOST PORT, nc -zv HOST PORT
  curl --from SRC [curl flags] URL          external, external:IP, node/NAME, pod/[NS/]NAME에서 보내는 요청
                                             (-H, -X, -v, -k, -m, --http1.0, --http1.1, --http2, --resolve H:P:ADDR,
                                              --connect-to H1:P1:H2:P2, --count N, --keepalive)
                                             --count N: 파드·노드·가용 영역별로 실제 비율과 규칙이 정한 기대 비율,
                                             카이제곱 판정을 나란히 보여 줌. URL 두 개는 나란히 비교
  grpcurl --from SRC -plaintext [-d '{}'] [-H 'k: v'] [-authority A] ADDR SERVICE/METHOD
                                             gRPC 호출(.proto 파일이 없을 때의 grpcurl처럼 리플렉션부터 물음)
  ping --from SRC [-c N] HOST                같은 출발지에서 보내는 ICMP echo
  node <name> -- <cmd>                       iptables-save [-t TABLE], ip6tables-save, ipvsadm -Ln, nft list ruleset, conntrack -L
  lesson list|show ID|validate DIR|check ID  레슨과 챌린지(CLI 전용, 'svclab lesson' 참고)

장면의 YAML을 고치는 명령(출력은 kubectl 그대로, -o yaml은 고친 장면 전체를 출력):
  scale TYPE NAME --replicas=N               delete TYPE NAME…          label|annotate TYPE NAME K=V… K-…
  expose TYPE NAME [--port=P] [--type=T]     cordon|uncordon NODE       drain NODE [--force] [--ignore-daemonsets]
  set selector svc NAME K=V[,K=V]            patch TYPE NAME -p PATCH [--type merge]
  rollout restart deployment/NAME
  timeline                                   타임라인의 장애와 클러스터의 반응, 각각의 시각
  timeline add FAULT NAME [-n NS] [-c C]     장애(NodeStopped, NodeDrained, PodDeleted, ReadinessFailing,
                                             ContainerCrashed)를 그 시각(--at)에 장면의 Timeline에 적어 넣기

종료 코드: 0 성공, 1 명령은 실행됐지만 실패를 보고함, 2 사용법 오류.
`,
    example: {},
  },
  'cli.notApplied': {
    en: (_: object) =>
      "the objects above were not applied; the command ran without them (see 'svclab validate').",
    ko: () =>
      "위 오브젝트는 적용되지 않았고, 명령은 그 오브젝트 없이 실행됐습니다('svclab validate'를 참고하세요).",
    example: {},
  },
});
