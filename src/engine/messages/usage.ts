/**
 * svclab's own usage errors (exit 2): what the command interpreter says when a command line cannot be
 * run as typed. Errors the imitated tools print themselves (curl's "option -X: requires parameter",
 * kubectl's "unknown flag: --foo", ping's "usage error: Destination address required") stay as those
 * tools print them and are not here.
 */
import { defineMessages } from './define';
import { josa, pick } from './josa';

export const usage = defineMessages({
  'usage.seeHelp': {
    en: (_p: object) => "See 'svclab --help'.",
    ko: () => "사용법은 'svclab --help'에서 볼 수 있습니다.",
    example: {},
  },
  'usage.grpcurlFlag': {
    en: (p: { flag: string }) =>
      `svclab's grpcurl reads -plaintext, -d, -H, -rpc-header, -reflect-header, -authority, -max-time, -connect-timeout and --from (got ${p.flag})`,
    ko: (p) =>
      `svclab의 grpcurl은 -plaintext, -d, -H, -rpc-header, -reflect-header, -authority, -max-time, -connect-timeout, --from 옵션만 읽습니다(받은 옵션: ${p.flag})`,
    example: { flag: '-insecure' },
  },
  'usage.grpcurlPlaintext': {
    en: (_p: object) =>
      'svclab simulates grpcurl over plaintext HTTP/2 only: add -plaintext (without it grpcurl starts a TLS handshake)',
    ko: () =>
      'svclab은 평문 HTTP/2로 보내는 grpcurl만 시뮬레이션합니다. -plaintext를 붙이세요(없으면 grpcurl은 TLS 핸드셰이크부터 시작합니다)',
    example: {},
  },
  'usage.grpcurlReflectionVerb': {
    en: (_p: object) =>
      'svclab does not simulate grpcurl list, describe or calls to the reflection service: it knows the services of one gRPC server only (the Gateway API conformance echo server); call a method: grpcurl -plaintext ADDR SERVICE/METHOD',
    ko: () =>
      'svclab은 grpcurl list, describe와 리플렉션 서비스 호출은 시뮬레이션하지 않습니다. 서비스 목록을 아는 gRPC 서버가 하나(Gateway API 적합성 테스트의 echo 서버)뿐이기 때문입니다. 메서드를 호출해 보세요: grpcurl -plaintext ADDR SERVICE/METHOD',
    example: {},
  },
  'usage.grpcurlData': {
    en: (p: { data: string }) => `-d must be one JSON object, such as '{}' (got ${JSON.stringify(p.data)})`,
    ko: (p) => `-d에는 '{}' 같은 JSON 오브젝트 하나를 적으세요(받은 값: ${JSON.stringify(p.data)})`,
    example: { data: 'hello' },
  },
  'usage.grpcurlFromInExec': {
    en: (_p: object) => 'exec POD -- grpcurl sends from that pod: leave --from out',
    ko: () => 'exec POD -- grpcurl은 그 파드에서 보냅니다. --from은 빼세요',
    example: {},
  },
  'usage.noArguments': {
    en: (p: { command: string; got: string }) =>
      `${p.command} takes no arguments (got ${JSON.stringify(p.got)})`,
    ko: (p) => `${p.command}에는 인자가 없습니다(받은 값: ${JSON.stringify(p.got)})`,
    example: { command: 'timeline', got: 'now' },
  },
  'usage.onlySubcommand': {
    en: (p: { known: string; got: string }) =>
      `svclab knows "${p.known}" only (got ${JSON.stringify(p.got)})`,
    ko: (p) => `svclab은 "${p.known}"만 지원합니다(받은 값: ${JSON.stringify(p.got)})`,
    example: { known: 'rollout restart', got: 'undo' },
  },
  'usage.execSeparator': {
    en: (_p: object) => 'put the command after --, e.g. exec web -- nslookup db',
    ko: () => '실행할 명령은 -- 뒤에 적으세요. 예: exec web -- nslookup db',
    example: {},
  },
  'usage.execUnexpectedArgument': {
    en: (p: { arg: string }) => `unexpected argument "${p.arg}" before --`,
    ko: (p) => `-- 앞에 알 수 없는 인자 "${p.arg}"${pick(p.arg, '이/가')} 있습니다`,
    example: { arg: 'db' },
  },
  'usage.namespaceValue': {
    en: (_p: object) => '-n needs a namespace',
    ko: () => '-n 뒤에 네임스페이스 이름을 적으세요',
    example: {},
  },
  'usage.execPod': {
    en: (_p: object) => 'give a pod name: exec POD -- COMMAND',
    ko: () => '파드 이름을 적으세요: exec POD -- COMMAND',
    example: {},
  },
  'usage.execProgram': {
    en: (_p: object) => 'no command after --',
    ko: () => '-- 뒤에 실행할 명령이 없습니다',
    example: {},
  },
  'usage.unterminatedQuote': {
    en: (p: { quote: 'single' | 'double' }) => `unterminated ${p.quote} quote`,
    ko: (p) => `${p.quote === 'single' ? "작은따옴표(')" : '큰따옴표(")'}가 닫히지 않았습니다`,
    example: { quote: 'single' },
  },
  'usage.atDuration': {
    en: (p: { value: string }) =>
      `--at takes a duration such as 10s, 1m30s or 500ms, not ${JSON.stringify(p.value)}`,
    ko: (p) => `--at에는 10s, 1m30s, 500ms 같은 시간 길이를 적으세요(받은 값: ${JSON.stringify(p.value)})`,
    example: { value: 'soon' },
  },
  'usage.describeNotYet': {
    en: (p: { kind: string }) =>
      `svclab's kubectl describe shows Services, Endpoints, EndpointSlices, Ingresses, ServiceCIDRs, Jobs and CronJobs only, not ${p.kind} yet; 'kubectl get TYPE NAME -o yaml' shows the whole object`,
    ko: (p) =>
      `svclab의 kubectl describe는 아직 서비스, 엔드포인트, 엔드포인트슬라이스, 인그레스, ServiceCIDR, 잡, 크론잡만 보여 주며 ${josa(p.kind, '은/는')} 아직 보여 주지 않습니다. 오브젝트 전체는 'kubectl get TYPE NAME -o yaml'로 볼 수 있습니다`,
    example: { kind: 'Pod' },
  },
  'usage.unknownCommand': {
    en: (p: { name: string }) => `unknown command "${p.name}"`,
    ko: (p) => `알 수 없는 명령 "${p.name}"입니다`,
    example: { name: 'kubectl' },
  },
  'usage.nodeName': {
    en: (_p: object) => 'give a node name: node NAME -- iptables-save',
    ko: () => '노드 이름을 적으세요: node NAME -- iptables-save',
    example: {},
  },
  'usage.nodeCommandMissing': {
    en: (p: { commands: string }) => `give a command after --: ${p.commands}`,
    ko: (p) => `-- 뒤에 명령을 적으세요: ${p.commands}`,
    example: { commands: 'iptables-save, ip6tables-save, ipvsadm -Ln, nft list ruleset or conntrack -L' },
  },
  'usage.nodeCommandUnknown': {
    en: (p: { command: string; commands: string }) => `unknown command "${p.command}" (use ${p.commands})`,
    ko: (p) => `알 수 없는 명령 "${p.command}"입니다(쓸 수 있는 명령: ${p.commands})`,
    example: {
      command: 'ip route',
      commands: 'iptables-save, ip6tables-save, ipvsadm -Ln, nft list ruleset or conntrack -L',
    },
  },
  'usage.nodeToolOptions': {
    en: (p: { tool: string; supported: string; got?: string }) =>
      `${p.tool}: svclab supports ${p.supported}${p.got ? ` (got ${p.got})` : ''}`,
    ko: (p) => `${p.tool}: svclab은 ${p.supported}만 지원합니다${p.got ? `(받은 값: ${p.got})` : ''}`,
    example: { tool: 'conntrack', supported: '-L [-p PROTO] [-s IP] [-d IP]', got: '-F' },
  },
  'usage.conntrackList': {
    en: (_p: object) => 'conntrack: give -L to list the table',
    ko: () => 'conntrack: 테이블을 보려면 -L을 붙이세요',
    example: {},
  },
  'usage.curlTooMany': {
    en: (p: { max: number; count: number; urls: number }) =>
      `--count ${p.count} for ${p.urls} URLs is ${p.count * p.urls} requests; svclab sends at most ${p.max} in one command (compare two URLs of up to ${p.max / 2} each)`,
    ko: (p) =>
      `URL ${p.urls}개에 --count ${p.count}이면 요청 ${p.count * p.urls}개입니다. 한 명령에는 ${p.max}개까지 보냅니다(두 URL을 비교한다면 각각 ${p.max / 2}개까지).`,
    example: { max: 20000, count: 10000, urls: 3 },
  },
  'usage.countValue': {
    en: (p: { option: string; max: number; value: string }) =>
      `option ${p.option}: expected a whole number of requests from 1 to ${p.max}, not "${p.value}"`,
    ko: (p) =>
      `옵션 ${p.option}: 요청 수는 1부터 ${p.max}까지의 정수로 적으세요("${p.value}"${pick(p.value, '은/는')} 쓸 수 없습니다)`,
    example: { option: '--count', max: 10000, value: 'many' },
  },
  'usage.countLimit': {
    en: (p: { option: string; max: number; value: string }) =>
      `option ${p.option}: svclab sends at most ${p.max} requests per command (asked for ${p.value}); a distribution settles long before that`,
    ko: (p) =>
      `옵션 ${p.option}: svclab은 명령 하나에 요청을 최대 ${p.max}개까지 보냅니다(요청한 수: ${p.value}). 분포는 그보다 훨씬 적은 요청으로도 충분히 드러납니다`,
    example: { option: '--count', max: 10000, value: '20000' },
  },
  'usage.podPrograms': {
    en: (p: { programs: string }) => `svclab simulates these programs in a pod: ${p.programs}.`,
    ko: (p) => `svclab이 파드 안에서 흉내 내는 프로그램은 ${p.programs}입니다.`,
    example: { programs: 'curl, nslookup, dig, ping, env, cat' },
  },
  'usage.noNftRuleset': {
    en: (p: { node: string; mode: string }) =>
      `kube-proxy on ${p.node} runs in ${p.mode} mode and writes no nftables ruleset of its own; see iptables-save${p.mode === 'ipvs' ? ' and ipvsadm -Ln' : ''}.`,
    ko: (p) =>
      `${p.node}의 kube-proxy는 ${p.mode} 모드로 동작하므로 자체 nftables 규칙을 쓰지 않습니다. iptables-save${josa(p.mode === 'ipvs' ? '와 ipvsadm -Ln' : '', '으로/로')} 규칙을 확인하세요.`,
    example: { node: 'node-1', mode: 'ipvs' },
  },
  'usage.lessonSubcommand': {
    en: (_p: object) => 'give a subcommand: list, show, validate, check or schema',
    ko: () => '하위 명령을 적으세요: list, show, validate, check, schema 중 하나',
    example: {},
  },
  'usage.unknownSubcommand': {
    en: (p: { name: string }) => `unknown subcommand "${p.name}"`,
    ko: (p) => `알 수 없는 하위 명령 "${p.name}"입니다`,
    example: { name: 'run' },
  },
  'usage.lessonFlag': {
    en: (_p: object) => '--lesson needs a folder or a bundle file',
    ko: () => '--lesson 뒤에 레슨 폴더나 번들 파일을 적으세요',
    example: {},
  },
  'usage.lessonId': {
    en: (_p: object) => 'give a lesson id: lesson show ID (see lesson list)',
    ko: () => '레슨 id를 적으세요: lesson show ID (id는 lesson list로 볼 수 있습니다)',
    example: {},
  },
  'usage.lessonPath': {
    en: (_p: object) => 'give a lesson folder or bundle file: lesson validate DIR|FILE',
    ko: () => '레슨 폴더나 번들 파일을 적으세요: lesson validate DIR|FILE',
    example: {},
  },
  'usage.challengeId': {
    en: (_p: object) => 'give a challenge id: lesson check CHALLENGE (see lesson list)',
    ko: () => '도전 과제 id를 적으세요: lesson check CHALLENGE (id는 lesson list로 볼 수 있습니다)',
    example: {},
  },
  'usage.noLesson': {
    en: (p: { id: string }) => `no lesson "${p.id}" (see 'svclab lesson list')`,
    ko: (p) =>
      `"${p.id}"${pick(p.id, '이라/라')}는 레슨이 없습니다('svclab lesson list'로 목록을 볼 수 있습니다)`,
    example: { id: 'nodeprot' },
  },
  'usage.noChallenge': {
    en: (p: { id: string; known: string }) =>
      `there is no challenge "${p.id}"${p.known ? ` (known: ${p.known})` : ''}`,
    ko: (p) =>
      `"${p.id}"${pick(p.id, '이라/라')}는 도전 과제가 없습니다${p.known ? `(있는 과제: ${p.known})` : ''}`,
    example: { id: 'clusterip.reach', known: 'clusterip.reach-web, clusterip.scale' },
  },
  'usage.noCommand': {
    en: (_p: object) => 'no command given (validate, get, exec, curl, ping, node, lesson)',
    ko: () => '명령이 없습니다(validate, get, exec, curl, ping, node, lesson 중 하나를 적으세요)',
    example: {},
  },
  'usage.stdinOnce': {
    en: (_p: object) => 'standard input (-f -) can be read only once',
    ko: () => '표준 입력(-f -)은 한 번만 읽을 수 있습니다',
    example: {},
  },
  'usage.timelineFault': {
    en: (p: { faults: string }) => `timeline add takes a fault (${p.faults}) and its target's name`,
    ko: (p) => `timeline add 뒤에 장애 종류(${p.faults})와 대상의 이름을 적으세요`,
    example: { faults: 'NodeStopped, NodeDrained, PodDeleted, ReadinessFailing, ContainerCrashed' },
  },
  'usage.timelineTarget': {
    en: (p: { fault: string; field: string }) => `${p.fault} needs the name of the ${p.field}`,
    ko: (p) =>
      `${p.fault}에는 대상 ${p.field === 'node' ? '노드' : p.field === 'pod' ? '파드' : p.field}의 이름이 필요합니다`,
    example: { fault: 'NodeStopped', field: 'node' },
  },
  'usage.timelineContainer': {
    en: (_p: object) => 'only ContainerCrashed names a container',
    ko: () => '컨테이너 이름(-c)은 ContainerCrashed에만 적을 수 있습니다',
    example: {},
  },
  'usage.unexpectedArgument': {
    en: (p: { arg: string }) => `unexpected argument ${JSON.stringify(p.arg)}`,
    ko: (p) => `알 수 없는 인자 ${josa(JSON.stringify(p.arg), '이/가')} 있습니다`,
    example: { arg: 'now' },
  },
  'usage.externalAddress': {
    en: (p: { ip: string }) => `invalid external client address "${p.ip}"`,
    ko: (p) => `외부 클라이언트 주소 "${p.ip}"${pick(p.ip, '이/가')} 올바르지 않습니다`,
    example: { ip: '300.1.1.1' },
  },
  'usage.unknownSource': {
    en: (p: { from: string }) =>
      `unknown source "${p.from}" (use external, external:IP, node/NAME or pod/[NS/]NAME)`,
    ko: (p) =>
      `알 수 없는 출발지 "${p.from}"입니다(external, external:IP, node/NAME, pod/[NS/]NAME 중 하나를 쓰세요)`,
    example: { from: 'laptop' },
  },
  'usage.podNotRunning': {
    en: (p: { pod: string }) => `pod "${p.pod}" is not running (no IP yet)`,
    ko: (p) => `파드 "${p.pod}"${pick(p.pod, '이/가')} 아직 실행 중이 아닙니다(IP가 없습니다)`,
    example: { pod: 'default/web-0' },
  },
});
